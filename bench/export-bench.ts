/**
 * The export benchmark: `npm run bench:export`.
 *
 * Builds two briefings in a fresh workspace, a 1,100-word Briefing (12 notes) and a long report
 * (BENCH_EXPORT_WORDS words, default 152,000, with 300 notes: about 100 A4 pages), then measures,
 * in one process:
 *   - the print HTML alone (headless Lexical → HTML, the pure renderer),
 *   - a bare page.pdf() of that same HTML in a warm Chromium (the engine's own cost, the baseline),
 *   - the whole PDF export through the contract, from the job's start to the file on disk (warm),
 *   - the first export of a fresh engine (cold: Chromium starts), beside a bare cold print
 *     (launch Chromium, open a page, print the same HTML).
 * Writes the figures into bench/results.json as the part "export" (part of `npm run bench`).
 *
 * Environment: BENCH_EXPORT_RUNS (warm runs of the short briefing, default 20; the long one runs a
 * quarter as often, at least 3), BENCH_EXPORT_WORDS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { recordPart } from './results-file';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Workspace } from '../db/workspace';
import { DownloadStore } from '../main/downloads';
import { buildExportModel } from '../main/export/build-model';
import { bundledFontCss } from '../main/export/fonts';
import { PlaywrightPrinter } from '../main/export/playwright-printer';
import { createHandlers } from '../main/handlers';
import { UploadStore } from '../main/uploads';
import { WorkspaceSession } from '../main/workspace-session';
import { createDispatcher } from '../src/contract/dispatch';
import type { JobSnapshot } from '../src/contract/job-events';
import { JobManager } from '../src/contract/job-manager';
import { renderPrintHtml } from '../src/export/print-html';
import { cite, heading, paragraph, section, state, text } from '../tests/fixtures/export/sample-briefing';
import { Rng } from './prng';
import { summarise, timeAsync, timeSync, type Summary } from './stats';
import { TextGenerator } from './text';

const RUNS = Math.max(3, Number(process.env.BENCH_EXPORT_RUNS ?? 20));
const LONG_WORDS = Math.max(2_000, Number(process.env.BENCH_EXPORT_WORDS ?? 152_000));
const WORDS_PER_PARAGRAPH = 100;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A briefing of about `words` words in four sections, with `notes` citations spread through it. */
function seedBriefing(ws: Workspace, gen: TextGenerator, title: string, words: number, notes: number, quoteIds: readonly string[]): string {
  const paragraphs = Math.ceil(words / WORDS_PER_PARAGRAPH);
  const every = Math.max(1, Math.floor(paragraphs / notes));
  let cited = 0;
  const bodies: ReturnType<typeof paragraph>[][] = [[], [], [], []];
  for (let index = 0; index < paragraphs; index += 1) {
    const content = [text(gen.sentence(WORDS_PER_PARAGRAPH))];
    if (index % every === 0 && cited < notes) content.push(cite('quote', quoteIds[cited % quoteIds.length] ?? ''), text('.'));
    if (index % every === 0) cited += 1;
    const target = bodies[Math.min(3, Math.floor((index / paragraphs) * 4))] ?? [];
    if (index > 0 && index % 25 === 0) target.push(heading(`Part ${index / 25}`, 'h3'));
    target.push(paragraph(...content));
  }
  const briefing = ws.briefings.create({ title, typeId: 'in-depth', author: 'Bench Analyst', marking: 'TLP:CLEAR', date: '2017-11-02' });
  const body = state(
    ['Summary', 'Background', 'Analysis', 'Key Judgements'].map((name, index) => section(`s${index + 1}`, name, bodies[index] ?? [])),
  );
  ws.briefings.saveBody({ id: briefing.id, body, bodyText: '', wordCount: words });
  return briefing.id;
}

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

async function main(): Promise<void> {
  const loadAtStart = load();
  const dir = mkdtempSync(join(tmpdir(), 'warrant-export-bench-'));
  const path = join(dir, 'export-bench.warrant');
  const gen = new TextGenerator(new Rng(20171102));
  const seed = Workspace.open(path, { create: true });
  const quoteIds: string[] = [];
  for (let index = 0; index < 40; index += 1) {
    const source = seed.sources.create({
      title: gen.headline(),
      kind: 'news_report',
      url: `https://example.org/report/${index}`,
      author: gen.personName(),
      publisher: 'Bench Wire',
      publishedDate: '2017-10-30',
      accessedDate: '2026-11-20',
      language: 'en',
      reliability: 'B',
      notes: '',
    });
    quoteIds.push(
      seed.quotes.create({
        sourceId: source.id,
        text: gen.quote(),
        span: null,
        page: null,
        paragraph: '',
        timestamp: '',
        speaker: gen.personName(),
        dateSaid: '2017-10-31',
        credibility: '2',
        verbatim: true,
        note: '',
      }).id,
    );
  }
  const shortId = seedBriefing(seed, gen, 'Bench briefing, 1,100 words', 1_100, 12, quoteIds);
  const longId = seedBriefing(seed, gen, `Bench report, ${LONG_WORDS.toLocaleString('en')} words`, LONG_WORDS, 300, quoteIds);
  seed.close();

  const session = new WorkspaceSession(path, { create: false });
  const printer = new PlaywrightPrinter();
  const downloads = new DownloadStore();
  const uploads = new UploadStore();
  const jobs = new JobManager();
  const { handlers, jobHandlers } = createHandlers(
    session,
    jobs,
    { appVersion: 'bench', dialogs: null, pdfPrinter: printer, deliverCopy: () => Promise.reject(new Error('unused')) },
    uploads,
    downloads,
  );
  const dispatcher = createDispatcher(handlers, jobHandlers, jobs);

  /** One export through the contract: job start → PDF file published for download. */
  const exportOnce = async (briefingId: string): Promise<number> => {
    const ended = new Promise<void>((resolveEnd, reject) => {
      const off = jobs.subscribe((event) => {
        if (event.type === 'succeeded') {
          off();
          resolveEnd();
        } else if (event.type === 'failed' || event.type === 'cancelled') {
          off();
          reject(new Error(JSON.stringify(event)));
        }
      });
    });
    const start = process.hrtime.bigint();
    const started = dispatcher.startJob('briefings.export', { briefingId, format: 'pdf', paper: 'a4' });
    if (!started.ok) throw new Error(started.error.message);
    await ended;
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    const snapshot = jobs.snapshot(started.value.jobId) as JobSnapshot;
    const result = snapshot.result as { file: { fileId: string } };
    downloads.discard(result.file.fileId);
    return elapsed;
  };

  const cold = await exportOnce(shortId);
  log(`cold export (Chromium starts): ${cold.toFixed(0)} ms`);

  await printer.close();
  const longCold = await exportOnce(longId);
  log(`cold export of the long report: ${longCold.toFixed(0)} ms`);

  const launch = () =>
    chromium.launch({
      executablePath: process.env.WARRANT_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
  const printHtml = (id: string): string => {
    const { model, doc } = buildExportModel(session.current, id);
    return renderPrintHtml(model, { paper: 'a4', fontFaceCss: bundledFontCss() }, doc).html;
  };
  /** The bare cold baseline: what any page.pdf() export pays on a fresh engine. */
  const bareCold = async (html: string): Promise<number> =>
    timeAsync(async () => {
      const fresh = await launch();
      const coldPage = await fresh.newPage({ javaScriptEnabled: false });
      await coldPage.setContent(html, { waitUntil: 'load' });
      await coldPage.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
      await fresh.close();
    });
  const bareColdShort = await bareCold(printHtml(shortId));
  const bareColdLong = await bareCold(printHtml(longId));
  log(`bare cold page.pdf(): 1,100 words ${bareColdShort.toFixed(0)} ms, long report ${bareColdLong.toFixed(0)} ms`);

  const browser = await launch();
  const page = await browser.newPage({ javaScriptEnabled: false });
  const figures: Record<string, unknown> = {};
  for (const [label, id, runs] of [
    ['1100', shortId, RUNS],
    ['long', longId, Math.max(3, Math.floor(RUNS / 4))],
  ] as const) {
    const ws = session.current;
    const { doc } = buildExportModel(ws, id);
    const fonts = bundledFontCss();
    const html = printHtml(id);
    const renderMs: number[] = [];
    const bareMs: number[] = [];
    const exportMs: number[] = [];
    let pages = 0;
    await exportOnce(id);
    for (let run = 0; run < runs; run += 1) {
      renderMs.push(timeSync(() => renderPrintHtml(buildExportModel(ws, id).model, { paper: 'a4', fontFaceCss: fonts })));
      bareMs.push(
        await timeAsync(async () => {
          await page.setContent(html, { waitUntil: 'load' });
          const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
          pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        }),
      );
      exportMs.push(await exportOnce(id));
    }
    const short = label === '1100';
    const entry: Record<string, Summary | number> = {
      pages,
      notes: doc.notes.length,
      words: short ? 1_100 : LONG_WORDS,
      renderHtmlMs: summarise(renderMs),
      barePagePdfMs: summarise(bareMs),
      exportWarmMs: summarise(exportMs),
      exportColdMs: short ? cold : longCold,
      barePagePdfColdMs: short ? bareColdShort : bareColdLong,
    };
    figures[label === '1100' ? 'briefing1100' : 'longReport'] = entry;
    log(
      `${label}: ${pages} pages, render p50 ${summarise(renderMs).p50.toFixed(1)} ms, bare page.pdf p50 ${summarise(bareMs).p50.toFixed(1)} ms, export p50 ${summarise(exportMs).p50.toFixed(1)} ms p95 ${summarise(exportMs).p95.toFixed(1)} ms`,
    );
  }
  await browser.close();
  await printer.close();
  session.close();
  downloads.dispose();
  uploads.dispose();
  rmSync(dir, { recursive: true, force: true });

  recordPart('export', 'npm run bench:export', { runs: RUNS, loadAtStart, ...figures });
  log('Wrote the "export" figures into bench/results.json');
}

await main();
