import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../src/security/csp.ts';

/**
 * The hosts send the CSP as a header; the page carries it too, so it holds wherever the files
 * are opened from. frame-ancestors is header-only, so the meta copy leaves it out.
 */
function contentSecurityPolicyMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'warrant-csp-meta',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * The page's early reads (renderer/early.ts) as a module script of its own, `async`, just before
 * the main one. It runs as soon as Chromium gets to it: often after the main script, whose boot
 * then asks for itself and the early script stands down (renderer/transport/early-reads.ts).
 * Made to run first instead (a deferred module, in order), its reads competed with the main
 * script's evaluation for the two cores, and the start was 15–30 ms slower at p50
 * (BENCHMARKS.md). A second module script in index.html itself would be bundled into the main one
 * by Vite.
 */
function earlyReadsScript(): Plugin {
  return {
    name: 'warrant-early-reads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const early = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === 'early',
        );
        if (!early) throw new Error('The early-reads entry is missing from the build.');
        const main = /<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js"><\/script>/.exec(html);
        if (!main) throw new Error('The main script is missing from the page.');
        const tag = `<script type="module" async crossorigin src="./${early.fileName}"></script>`;
        return html.slice(0, main.index) + tag + '\n    ' + html.slice(main.index);
      },
    },
  };
}

/**
 * pdf.js's character maps (CJK text in fonts that are not embedded) and the standard-14 font data,
 * shipped with the app under pdfjs/ so the page view never fetches them from anywhere else.
 */
function pdfJsData(): Plugin {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    name: 'warrant-pdfjs-data',
    apply: 'build',
    generateBundle() {
      for (const folder of ['cmaps', 'standard_fonts']) {
        for (const name of readdirSync(path.join(root, folder))) {
          if (name.endsWith('.md') || name === 'LICENSE') continue;
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(path.join(root, folder, name)) });
        }
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicyMeta(), pdfJsData(), earlyReadsScript()],
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./zod-for-the-page.ts', import.meta.url)) }] },
  // pdf.js's worker (the page view) as an ES module worker file of our own, never a blob: or inline worker.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The CSP allows only our own script files, so no inline preload polyfill.
    modulePreload: { polyfill: false },
    sourcemap: true,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        early: fileURLToPath(new URL('./early.ts', import.meta.url)),
      },
    },
  },
});
