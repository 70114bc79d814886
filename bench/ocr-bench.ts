/**
 * OCR of a 1440×900 screenshot (`npm run bench:ocr`, and part of `npm run bench`): Warrant's
 * capture path (`recogniseImage`: a fresh worker, the model read from its package, the words
 * assembled into text with their regions) against tesseract.js alone on the same image in the
 * same run (a fresh worker and `recognize` with plain text output), alternating, per language;
 * then a 10-page scanned PDF (bench/ocr-pdf-bench.ts).
 *
 * Environment: BENCH_OCR_RUNS (default 3), BENCH_OCR_PDF_RUNS (default 1), BENCH_OCR_ONLY
 * (`screenshot` or `pdf`: run that part alone).
 */
import { chromium } from '@playwright/test';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { recogniseImage } from '../main/snapshot/ocr-engine';
import type { JobControl } from '../src/contract/job-manager';
import type { OcrLanguage } from '../src/snapshot/ocr';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { benchScannedPdf } from './ocr-pdf-bench';
import { loadAverage, recordPart } from './results-file';
import { ms, ratio, summarise, table, timeAsync } from './stats';

const RUNS = Number(process.env.BENCH_OCR_RUNS ?? 3);
const PDF_RUNS = Number(process.env.BENCH_OCR_PDF_RUNS ?? 1);
const ONLY = process.env.BENCH_OCR_ONLY ?? '';
const require = createRequire(import.meta.url);

const PARAGRAPHS: Record<OcrLanguage, string> = {
  eng: 'The Secretary General said that pressure is key and that the Alliance strongly supports a peaceful, negotiated solution. ',
  jpn: '事務総長は東京で演説し、北朝鮮に対する圧力が重要であると述べた。日本は自然なパートナーである。',
  kor: '사무총장은 서울에서 한국 지도자들을 만나 제재와 외교적 해결을 지지한다고 말했다. ',
};

const silent: JobControl = { progress: () => undefined, cancelled: false, throwIfCancelled: () => undefined };

async function screenshot(language: OcrLanguage): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const body = Array.from({ length: 12 }, () => `<p>${PARAGRAPHS[language].repeat(3)}</p>`).join('');
  await page.setContent(`<body style="margin:32px;font:16px sans-serif;background:#fff;color:#111">${body}</body>`);
  const png = await page.screenshot({ type: 'png' });
  await browser.close();
  return png;
}

async function bare(image: Buffer, language: OcrLanguage): Promise<void> {
  const langPath = join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), '4.0.0_best_int');
  const worker = await createWorker(language, OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  await worker.recognize(image);
  await worker.terminate();
}

const rows: string[][] = [];
const figures: Record<string, unknown> = {};
for (const language of ONLY === 'pdf' ? [] : (['eng', 'jpn', 'kor'] as const)) {
  const image = await screenshot(language);
  const warrant: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    baseline.push(await timeAsync(() => bare(image, language)));
    warrant.push(await timeAsync(() => recogniseImage(image, language, silent)));
  }
  const ours = summarise(warrant);
  const theirs = summarise(baseline);
  figures[language] = { warrant: ours, tesseract: theirs };
  rows.push([language, ms(ours.p50), ms(ours.max), ms(theirs.p50), ms(theirs.max), ratio(ours.p50, theirs.p50)]);
}
if (rows.length > 0) {
  process.stdout.write(
    `OCR of a 1440×900 screenshot, ${RUNS} runs each (load ${loadAverage()})\n` +
      table(['language', 'Warrant p50 ms', 'max', 'tesseract.js p50 ms', 'max', 'Warrant ÷ tesseract.js'], rows) +
      '\n',
  );
}
if (ONLY !== 'screenshot') {
  const pdf = await benchScannedPdf(PDF_RUNS);
  process.stdout.write(`${pdf.report}\n(load ${loadAverage()})\n`);
  recordPart('ocr-pdf', 'npm run bench:ocr', { ...pdf.figures });
}
if (rows.length > 0) recordPart('ocr', 'npm run bench:ocr', figures);
