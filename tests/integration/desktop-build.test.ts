import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../main/export/fonts';
import { desktopBuild } from './helpers/builds';

describe('the desktop host build', () => {
  // The packaged app carries no devDependencies, so a font left in node_modules would quietly
  // print every exported PDF in a system fallback face.
  it('carries every font the exports inline, and its migrations, beside the bundle', () => {
    const out = desktopBuild();
    expect(existsSync(join(out, 'main.js'))).toBe(true);
    expect(existsSync(join(out, 'preload.cjs'))).toBe(true);
    expect(FONT_FILES.length).toBe(12);
    for (const { file } of FONT_FILES) expect(existsSync(join(out, 'fonts', file)), file).toBe(true);
    expect(readdirSync(join(out, 'migrations')).filter((name) => name.endsWith('.sql')).length).toBeGreaterThan(5);
  }, 60_000);
});
