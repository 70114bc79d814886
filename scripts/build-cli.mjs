// Bundles the CLI and browser host (main/cli/entry.ts, main/cli/index.ts) into dist/cli.mjs so `warrant` starts without
// compiling TypeScript on every run (tsx took about 3 s of each start). Packages stay external
// (they load from node_modules exactly as they do under tsx), except zod: the contract needs it at
// start, and as one bundled module it loads without resolving its hundred files one by one. bin/warrant.mjs uses the bundle only
// while it is newer than every source file, so an edited checkout never runs stale code.
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writePrebuiltSchemaInto } from './prebuilt-schema.mjs';

const OUT = 'dist/cli.mjs';
// Code the host loads on first use (export, snapshot extraction) goes into chunks beside the
// bundle, so `warrant web` does not load headless Lexical, docx or htmlparser2 before it serves.
// The chunks stay in dist/ itself: the migrations, the fonts and package.json are found relative
// to the module that loads them.
for (const name of existsSync('dist') ? readdirSync('dist', { withFileTypes: true }) : []) {
  if (name.isFile() && /^cli-chunk-.*\.mjs(\.map)?$/.test(name.name)) rmSync(`dist/${name.name}`);
}
/** Every package but zod stays an import from node_modules. */
const externalPackagesButZod = {
  name: 'external-packages-but-zod',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => (/^zod(\/|$)/.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};
/**
 * zod re-exports its 64 message locales as `z.locales`, which keeps them all in the bundle (about
 * 370 KB of the 760 KB zod chunk, parsed on every start). Warrant writes its own messages and
 * only ever uses zod's English default, so `z.locales` is built with English alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: args.importer, namespace: 'zod-english-only' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};
/**
 * `import { z } from 'zod'` reaches zod's whole API through one namespace object, which esbuild
 * cannot shake: every schema kind, JSON Schema conversion and more were parsed at each start.
 * As `import * as z`, each `z.string()` is a static member of the module, so only what Warrant
 * uses is bundled.
 */
const zodShakable = {
  name: 'zod-shakable',
  setup(builder) {
    builder.onLoad({ filter: /[\\/](src|db|main)[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replace(/^import \{ z \} from 'zod';$/m, "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};
await build({
  entryPoints: { cli: 'main/cli/entry.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'cli-chunk-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [zodShakable, zodEnglishOnly, externalPackagesButZod],
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
});
// db/migrations.ts finds its SQL next to the module that loads it.
rmSync('dist/migrations', { recursive: true, force: true });
cpSync('db/migrations', 'dist/migrations', { recursive: true, filter: (path) => !path.endsWith('.ts') });
await writePrebuiltSchemaInto('dist/migrations');
console.log(`CLI built into ${OUT}`);
