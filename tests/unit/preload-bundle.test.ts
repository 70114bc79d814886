import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the desktop preload', () => {
  it('bundles to a thin pass-through: no zod, no contract schemas, only the IPC channels', async () => {
    const result = await build({
      entryPoints: ['main/electron/preload.ts'],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('node_modules/zod'))).toBe(false);
    expect(inputs.some((path) => path.startsWith('src/contract/operations'))).toBe(false);
    const code = result.outputFiles[0]?.text ?? '';
    // Each window loads this; the contract's schemas made it ~800 KB before.
    expect(code.length).toBeLessThan(8_000);
    expect(code).toContain('warrant:call');
  });
});
