/**
 * The editor benchmark: `npm run bench:editor` (and part of `npm run bench`).
 *
 * Typing latency (keystroke → next paint) in the real briefing editor in Chromium, on a
 * 1,100-word Briefing and on a 50,000-word document with 500 citations, with its blocks contained
 * (as shipped) and without, and on a bare Lexical editor holding the same text, in the same run;
 * then autosave commit time to disk.
 *
 * Environment: BENCH_KEYS (keystrokes measured per document, default 520, the first 20 are
 * warm-up), BENCH_ROUNDS (times each editor is measured, alternating, default 1), BENCH_PAUSE_MS
 * (pause between keys, default 30), BENCH_SAVES (autosave samples per
 * size, default 100), BENCH_NO_SPELLCHECK=1 (turn Chromium's spell-checker off in every editor
 * first: it dominates the bare editor's cost on a long document), BENCH_PROFILE=1 (print where
 * the renderer's time went while typing in the 50,000-word document), BENCH_TRACE=<label prefix>
 * (a Chromium timeline of each matching row: main-thread self time per keystroke by event, so
 * style recalculation, layout, paint and script read apart), BENCH_ONLY=<text> (only the rows
 * whose label contains it), BENCH_SKIP=<text> (not the rows whose label contains it),
 * BENCH_BEFORE=<folder>[,<folder>…] (copies of other builds' dist/renderer, say main's: each
 * one's editor becomes one more row in every round, served by the same host and workspace, so
 * a change is measured against what it replaces under the same load).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Workspace } from '../db/workspace';
import { countSerialized, type SerializedCountNode } from '../src/briefing/word-count';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { installLatencyProbe, typeAndMeasure } from './editor/measure';
import { startTrace, stopTrace } from './editor/trace';
import { recordPart } from './results-file';
import { startHost } from './web-host';
import { ms, percentile, timeSync } from './stats';

const KEYS = Number(process.env.BENCH_KEYS ?? 520);
const WARMUP = 20;
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 30);
const SAVES = Number(process.env.BENCH_SAVES ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const BEFORE = (process.env.BENCH_BEFORE ?? '').split(',').filter(Boolean);
/** Outranks editor-containment.css (one more element in the selector): the editor as it was before it. */
const UNCONTAINED = 'main .editor .briefing-section, main .editor .ed-p, main .editor .ed-quote { contain: none }';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Frames are produced as soon as there is work, so the figure is the editor's, not the wait for vsync.
const BROWSER_ARGS = [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'];

const VOCABULARY =
  'the alliance said minister pressure missile regime visit talks security defence region sanctions summit statement analysts assessed likely response deterrence partners cooperation official reported'.split(
    ' ',
  );

/** Deterministic filler paragraphs of about `wordsEach` words. */
function paragraphs(total: number, wordsEach: number): string[] {
  const out: string[] = [];
  let seed = 7;
  for (let written = 0; written < total; written += wordsEach) {
    const words: string[] = [];
    for (let i = 0; i < Math.min(wordsEach, total - written); i += 1) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      words.push(VOCABULARY[seed % VOCABULARY.length] as string);
    }
    out.push(`${words.join(' ')}.`);
  }
  return out;
}

const TEXT = { detail: 0, format: 0, mode: 'normal', style: '', version: 1 };
const BLOCK = { format: '', indent: 0, version: 1, direction: null, textFormat: 0, textStyle: '' };

/** A body with four sections; every paragraph ends with a citation while citations remain. */
function bodyOf(paras: string[], quoteIds: string[], citations: number): { body: string; bodyText: string; wordCount: number } {
  const per = Math.ceil(paras.length / 4);
  let cited = 0;
  const sections = ['Summary', 'Background', 'Analysis', 'Key Judgements'].map((heading, index) => ({
    type: 'section',
    sectionId: `s${index + 1}`,
    role: 'body',
    cap: null,
    ...BLOCK,
    children: [
      { type: 'heading', tag: 'h2', ...BLOCK, children: [{ type: 'text', text: heading, ...TEXT }] },
      ...paras.slice(index * per, (index + 1) * per).map((text) => {
        const children: object[] = [{ type: 'text', text, ...TEXT }];
        if (cited < citations) {
          children.push({ type: 'citation', version: 1, targetKind: 'quote', targetId: quoteIds[cited % quoteIds.length] });
          cited += 1;
        }
        return { type: 'paragraph', ...BLOCK, children };
      }),
    ],
  }));
  const root = { type: 'root', ...BLOCK, children: sections };
  return { body: JSON.stringify({ root }), bodyText: paras.join('\n'), wordCount: countSerialized(root as SerializedCountNode).total };
}

function row(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `| ${label} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1] ?? Number.NaN)} |`;
}

const MEDIA_TYPES: Record<string, string> = {
  js: 'text/javascript',
  css: 'text/css',
  html: 'text/html',
  svg: 'image/svg+xml',
  woff2: 'font/woff2',
};

/** The page's own files from `rendererDir` instead of the host's (its API, and its page's headers and CSP, stay the host's). */
async function serveRendererFrom(page: Page, rendererDir: string): Promise<void> {
  await page.route('**/*', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(rendererDir, path === '/' ? 'index.html' : path);
    if (path.startsWith('/api/') || !existsSync(file)) return route.continue();
    const body = readFileSync(file);
    // The page keeps the host's headers; its assets (hashed names the host may not have) get their type.
    if (path === '/' || path === '/index.html') return route.fulfill({ response: await route.fetch(), body });
    return route.fulfill({ status: 200, contentType: MEDIA_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream', body });
  });
}

/** Opens a briefing in the real app and puts the caret at the end of a paragraph in the middle. */
async function openInApp(browser: Browser, url: string, title: string, rendererDir?: string): Promise<Page> {
  const page = await browser.newPage();
  if (rendererDir) await serveRendererFrom(page, rendererDir);
  await page.goto(url);
  await page.getByRole('status', { name: 'Save state', exact: true }).waitFor();
  await page.keyboard.press('Alt+2');
  await page.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: title }).click();
  const editor = page.getByRole('textbox', { name: 'Briefing text' });
  await editor.waitFor();
  const target = editor.locator('section').nth(2).locator('p').nth(3);
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(500);
  return page;
}

async function openBare(browser: Browser, bundle: string, paras: string[]): Promise<Page> {
  const page = await browser.newPage();
  // The same box as the app's editor: a scrolling main area, the editor's font, width and wrapping.
  await page.setContent(
    '<!doctype html><html><body style="margin:0"><main style="height:100vh;overflow:auto;padding:1rem"><div id="editor" contenteditable="true" spellcheck="true" style="width:760px;min-height:24rem;padding:1rem 1.5rem;font-family:DejaVu Serif,serif;line-height:1.55;white-space:pre-wrap;overflow-wrap:anywhere"></div></main></body></html>',
  );
  await page.evaluate(`window.__benchParagraphs = ${JSON.stringify(paras)}`);
  await page.addScriptTag({ content: bundle });
  await page.waitForFunction('window.__bareReady === true');
  const target = page.locator('#editor p').nth(Math.floor(paras.length / 2));
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(500);
  return page;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** BENCH_PROFILE=1: where the renderer's time went while typing in the 50,000-word document. */
function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const key = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}` : '?';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log('\nSelf time while typing (ms):');
  for (const [name, time] of top) console.log(`${time.toFixed(0).padStart(7)}  ${name}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html')))
    spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', cwd: ROOT });
  const dir = mkdtempSync(join(tmpdir(), 'warrant-editor-bench-'));
  const path = join(dir, 'bench.warrant');
  const small = paragraphs(1100, 60);
  const large = paragraphs(50_000, 100);

  // Seed: quotes to cite, then the two documents.
  const ws = Workspace.open(path, { create: true });
  const source = ws.sources.create({
    title: 'Bench source',
    kind: 'speech',
    url: null,
    author: '',
    publisher: '',
    publishedDate: null,
    accessedDate: null,
    language: '',
    reliability: 'B',
    notes: '',
  });
  const quoteIds = Array.from(
    { length: 50 },
    (_, i) =>
      ws.quotes.create({
        sourceId: source.id,
        text: `Quoted statement number ${i}.`,
        span: null,
        page: null,
        paragraph: '',
        timestamp: '',
        speaker: '',
        dateSaid: null,
        credibility: '2',
        verbatim: true,
        note: '',
      }).id,
  );
  const smallId = ws.briefings.create({ title: 'Bench briefing 1100', typeId: 'briefing', author: '', marking: '', date: null }).id;
  const largeId = ws.briefings.create({ title: 'Bench document 50000', typeId: 'in-depth', author: '', marking: '', date: null }).id;
  const smallBody = bodyOf(small, quoteIds, 12);
  const largeBody = bodyOf(large, quoteIds, 500);
  ws.briefings.saveBody({ id: smallId, ...smallBody });
  ws.briefings.saveBody({ id: largeId, ...largeBody });

  // Autosave: one saveBody transaction (body, text, count) committed to disk. The word index
  // catches up when typing pauses or before a search: timed apart, once per large save.
  const saves = { small: [] as number[], large: [] as number[], index: [] as number[] };
  for (let i = 0; i < SAVES; i += 1) {
    saves.small.push(timeSync(() => ws.briefings.saveBody({ id: smallId, ...smallBody, bodyText: `${smallBody.bodyText} ${i}` })));
    saves.large.push(timeSync(() => ws.briefings.saveBody({ id: largeId, ...largeBody, bodyText: `${largeBody.bodyText} ${i}` })));
    saves.index.push(timeSync(() => ws.briefings.indexPending()));
  }
  ws.close();

  const bundled = await build({
    entryPoints: [join(ROOT, 'bench/editor/bare-editor.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const bundle = bundled.outputFiles[0]?.text ?? '';

  const host = await startHost(path);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS });
  const results: { label: string; samples: number[] }[] = [];
  const samplesOf = (label: string): number[] => {
    let result = results.find((entry) => entry.label === label);
    if (!result) results.push((result = { label, samples: [] }));
    return result.samples;
  };
  // The editor with its blocks contained (as shipped), the same editor with containment turned off
  // by a rule that outranks it, and bare Lexical: one after the other in every round, so the load of
  // a shared machine falls on all three alike.
  const documents = [
    { size: '1,100 words', app: 'Bench briefing 1100', bare: small, bareLabel: 'same 1,100 words' },
    { size: '50,000 words + 500 citations', app: 'Bench document 50000', bare: large, bareLabel: 'same 50,000 words' },
  ];
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const doc of documents) {
        for (const [label, open, css] of [
          [`Warrant editor, ${doc.size}`, () => openInApp(browser, host.url, doc.app), null],
          [`Warrant editor, ${doc.size}, blocks not contained`, () => openInApp(browser, host.url, doc.app), UNCONTAINED],
          ...BEFORE.map(
            (dir) => [`Warrant editor from ${dir}, ${doc.size}`, () => openInApp(browser, host.url, doc.app, dir), null] as const,
          ),
          [`Bare Lexical, ${doc.bareLabel}`, () => openBare(browser, bundle, doc.bare), null],
        ] as const) {
          if (process.env.BENCH_ONLY && !label.includes(process.env.BENCH_ONLY)) continue;
          if (process.env.BENCH_SKIP && label.includes(process.env.BENCH_SKIP)) continue;
          const page = await open();
          // Style experiments go through the CSSOM: the app's CSP refuses injected <style> elements.
          for (const rule of [css, process.env.BENCH_CSS])
            if (rule)
              await page.evaluate(
                `document.styleSheets[0] && document.styleSheets[0].insertRule(${JSON.stringify(rule)}, document.styleSheets[0].cssRules.length)`,
              );
          if (label.startsWith('Warrant')) {
            // The comparison means nothing unless each variant really is what its label says.
            const contain = await page.evaluate("getComputedStyle(document.querySelector('.editor .ed-p')).contain");
            if ((contain === 'none') !== (css === UNCONTAINED)) throw new Error(`${label}: paragraphs have contain: ${String(contain)}`);
          }
          if (process.env.BENCH_NO_SPELLCHECK === '1')
            await page.evaluate("document.querySelectorAll('[contenteditable]').forEach((e) => { e.spellcheck = false; })");
          await installLatencyProbe(page);
          const profiling =
            process.env.BENCH_PROFILE !== undefined &&
            label.startsWith(process.env.BENCH_PROFILE === '1' ? 'Warrant editor, 50,000' : process.env.BENCH_PROFILE);
          const cdp = profiling ? await page.context().newCDPSession(page) : null;
          if (cdp) {
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.start');
          }
          const tracing = process.env.BENCH_TRACE !== undefined && label.startsWith(process.env.BENCH_TRACE);
          if (tracing) await startTrace(browser, page);
          // Each round's warm-up keys are dropped here, so the rows below hold measured keys only.
          samplesOf(label).push(...(await typeAndMeasure(page, KEYS, PAUSE_MS)).slice(WARMUP));
          if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
          if (tracing) console.log(`\n${label}\n${await stopTrace(browser, KEYS)}`);
          await page.close();
          process.stdout.write(`measured: ${label} (round ${round}, load ${loadavg()[0]?.toFixed(1) ?? '?'})\n`);
        }
      }
    }
  } finally {
    await browser.close();
    // The host writes its closing backup as it stops: the folder goes once it has exited.
    await new Promise((exited) => {
      host.child.once('exit', exited);
      host.child.kill('SIGTERM');
    });
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }

  console.log(
    `\nEditor benchmark — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Chromium ${CHROMIUM_PATH}, ${ROUNDS} round(s) of ${KEYS - WARMUP} keystrokes per document after ${WARMUP} warm-up, ${PAUSE_MS} ms between keys, load ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')} at the end\n`,
  );
  console.log('| typing: keystroke → next paint (ms) | n | p50 | p95 | p99 | max |');
  console.log('|---|---|---|---|---|---|');
  for (const result of results) console.log(row(result.label, result.samples));
  console.log('\n| autosave: saveBody committed to disk (ms) | n | p50 | p95 | p99 | max |');
  console.log('|---|---|---|---|---|---|');
  const saveRow = (label: string, samples: number[]): string => {
    const sorted = [...samples].sort((a, b) => a - b);
    return `| ${label} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1] ?? Number.NaN)} |`;
  };
  console.log(saveRow(`1,100 words (${(smallBody.body.length / 1024).toFixed(0)} KiB state)`, saves.small));
  console.log(saveRow(`50,000 words + 500 citations (${(largeBody.body.length / 1024).toFixed(0)} KiB state)`, saves.large));
  console.log(saveRow('word index catch-up after a 50,000-word save (not on the typing path)', saves.index));

  const stats = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      n: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? null,
    };
  };
  recordPart('editor', 'npm run bench:editor', {
    config: { keys: KEYS, warmup: WARMUP, pauseMs: PAUSE_MS, saves: SAVES, rounds: ROUNDS },
    typingMs: results.map((result) => ({ label: result.label, ...stats(result.samples) })),
    autosaveMs: { small: stats(saves.small), large: stats(saves.large), indexCatchUpLarge: stats(saves.index) },
  });
}

await main();
