import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ENTRY = 'renderer/main.tsx';

/** Every module the page's first script loads: the static imports from the entry, not those behind `import()`. */
function firstPage(metafile: Metafile): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (imports.has(file)) continue;
    const statics = (metafile.inputs[file]?.imports ?? []).filter((item) => item.kind === 'import-statement').map((item) => item.path);
    imports.set(file, statics);
    queue.push(...statics.filter((path) => path in metafile.inputs));
  }
  return imports;
}

describe('the page’s first script', () => {
  it('loads no zod and no schema module: what the library first paints needs none of them', async () => {
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      splitting: true,
      outdir: 'unused',
      // Packages are listed as imports without being read, which keeps this fast.
      packages: 'external',
      loader: { '.css': 'empty' },
      jsx: 'automatic',
      logLevel: 'silent',
    });
    const modules = firstPage(result.metafile);
    const zodImporters = [...modules].filter(([, imports]) => imports.some((path) => path === 'zod' || path.startsWith('zod/')));
    expect(zodImporters.map(([file]) => file)).toEqual([]);
    expect([...modules.keys()].filter((file) => file.startsWith('src/contract/operations'))).toEqual([]);
    // The list itself is there (the test would pass vacuously on an empty graph).
    expect(modules.has('renderer/library/SourceList.tsx')).toBe(true);
  });
});
