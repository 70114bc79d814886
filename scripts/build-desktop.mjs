// Bundles the desktop host: Electron main as ESM, the sandboxed preload as CommonJS (a
// sandboxed preload cannot be ESM), and the SQL migrations beside them. Needs no Electron binary.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrebuiltSchemaInto } from './prebuilt-schema.mjs';

// WARRANT_DESKTOP_OUT lets a test build into a temporary folder.
const OUT = process.env.WARRANT_DESKTOP_OUT ?? 'dist/desktop';
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: `${OUT}/main.js`,
    format: 'esm',
    external: ['electron', 'better-sqlite3', 'pdfjs-dist', 'tesseract.js', '@tesseract.js-data/*'],
    // citation-js and its helpers are CommonJS that require Node built-ins at load; an ESM
    // bundle has no `require` unless it is given one.
    // citation-js imports two HTTP clients for inputs Warrant never uses; the offline app ships neither.
    alias: { 'node-fetch': './main/interchange/no-network.ts', 'sync-fetch': './main/interchange/no-network.ts' },
    banner: {
      js: "import { createRequire as __warrantCreateRequire } from 'node:module';\nconst require = __warrantCreateRequire(import.meta.url);",
    },
  }),
  build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: `${OUT}/preload.cjs`, format: 'cjs', external: ['electron'] }),
]);
// db/migrations.ts finds its SQL next to the module that loads it.
cpSync('db/migrations', `${OUT}/migrations`, { recursive: true, filter: (path) => !path.endsWith('.ts') });
await writePrebuiltSchemaInto(`${OUT}/migrations`);
// The packaged app ships runtime dependencies only; the export fonts are build-time assets, so
// the faces main/export/fonts.ts inlines travel in fonts/ beside the bundle.
const FONT_FILE = /-(latin|latin-ext)-(400|600|700)-(normal|italic)\.woff2$/;
mkdirSync(`${OUT}/fonts`, { recursive: true });
for (const pkg of ['source-serif-4', 'source-sans-3']) {
  const from = join('node_modules', '@fontsource', pkg, 'files');
  for (const file of readdirSync(from).filter((name) => FONT_FILE.test(name))) cpSync(join(from, file), join(OUT, 'fonts', file));
}
console.log(`Desktop host built into ${OUT}/`);
