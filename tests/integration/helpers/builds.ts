import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The desktop host bundle in dist/desktop. `npm test` builds it before vitest, so this only
 * inspects it; a lone run of a test file on an edited checkout rebuilds it first, so a test
 * never passes on a bundle older than the code it claims to check.
 */
export function desktopBuild(): string {
  const out = join(ROOT, 'dist', 'desktop');
  const bundle = join(out, 'main.js');
  const sources = Math.max(
    ...['main', 'src', 'db'].map((dir) => newestIn(join(ROOT, dir))),
    statSync(join(ROOT, 'scripts', 'build-desktop.mjs')).mtimeMs,
    statSync(join(ROOT, 'package.json')).mtimeMs,
  );
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources)
    execFileSync(process.execPath, ['scripts/build-desktop.mjs'], { cwd: ROOT, stdio: 'pipe' });
  return out;
}

function isStale(output: string, sourceDirs: readonly string[], buildScript: string): boolean {
  if (!existsSync(output)) return true;
  const sources = Math.max(
    ...sourceDirs.map((dir) => newestIn(join(ROOT, dir))),
    statSync(join(ROOT, buildScript)).mtimeMs,
    statSync(join(ROOT, 'package.json')).mtimeMs,
  );
  return statSync(output).mtimeMs < sources;
}

/** The renderer build in dist/renderer (built by `npm test` first; rebuilt here only when older than its sources). */
export function rendererBuild(): string {
  const out = join(ROOT, 'dist', 'renderer');
  if (isStale(join(out, 'index.html'), ['renderer', 'src'], 'renderer/vite.config.ts')) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build (the
      // e2e tests then found the editor read-only): build as `npm run build` does.
      { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } },
    );
  }
  return out;
}

/** The CLI and browser host bundle, dist/cli.mjs and its chunks (rebuilt here only when older than its sources). */
export function cliBuild(): string {
  const out = join(ROOT, 'dist');
  if (isStale(join(out, 'cli.mjs'), ['main', 'src', 'db'], 'scripts/build-cli.mjs'))
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'pipe' });
  return out;
}
