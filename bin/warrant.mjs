#!/usr/bin/env node
// The warrant CLI. It runs the bundle `npm run build` makes (dist/cli.mjs) when that is newer
// than every source file it was built from; otherwise the TypeScript sources of the checkout
// directly through tsx, so an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|sql|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (!existsSync(BUNDLE)) return false;
  const built = statSync(BUNDLE).mtimeMs;
  const sources = Math.max(
    ...['main', 'src', 'db'].map((dir) => newestSource(join(ROOT, dir))),
    statSync(join(ROOT, 'package.json')).mtimeMs,
  );
  return built >= sources;
}

if (bundleIsFresh()) {
  await import(pathToFileURL(BUNDLE).href);
} else {
  // Said once, on stderr: a stale bundle looks like a slow Warrant (the sources start about three
  // times slower), which misleads anyone timing it.
  if (existsSync(BUNDLE))
    process.stderr.write(
      'warrant: dist/ is older than the sources, so they run through tsx (slower to start); `npm run build` refreshes it.\n',
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/entry.ts');
}
