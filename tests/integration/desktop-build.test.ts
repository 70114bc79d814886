import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../main/export/fonts';
import { TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
afterAll(() => temp.cleanup());

describe('the desktop host build', () => {
  // The packaged app carries no devDependencies, so a font left in node_modules would quietly
  // print every exported PDF in a system fallback face.
  it('carries every font the exports inline, and its migrations, beside the bundle', () => {
    const out = join(temp.make(), 'desktop');
    execFileSync(process.execPath, ['scripts/build-desktop.mjs'], { env: { ...process.env, WARRANT_DESKTOP_OUT: out }, stdio: 'pipe' });
    expect(existsSync(join(out, 'main.js'))).toBe(true);
    expect(existsSync(join(out, 'preload.cjs'))).toBe(true);
    expect(FONT_FILES.length).toBe(12);
    for (const { file } of FONT_FILES) expect(existsSync(join(out, 'fonts', file)), file).toBe(true);
    expect(readdirSync(join(out, 'migrations')).filter((name) => name.endsWith('.sql')).length).toBeGreaterThan(5);
  }, 60_000);
});
