/**
 * OCR of a 10-page scanned PDF (part of `npm run bench:ocr`): Warrant's capture path
 * (`extractSnapshot` with OCR: the text layer looked for, each page drawn at 300 dpi by pdf.js,
 * one engine reading the pages while the next is drawn, the words placed on their pages) against
 * tesseract.js alone reading the same ten page images with one worker, in the same run,
 * alternating. The pages are letter-size scans of known English text made by Chromium at 300 dpi.
 */
import { chromium } from '@playwright/test';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { extractSnapshot } from '../main/snapshot/extract';
import type { JobControl } from '../src/contract/job-manager';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { scannedPdf, scanTexts } from '../tests/fixtures/scanned-pdf';
import { ms, ratio, summarise, table, timeAsync, type Summary } from './stats';

const PAGES = 10;
/** US letter at 300 dpi. */
const LETTER = { width: 2550, height: 3300 };
const SENTENCES = [
  'The Secretary General said that pressure is key and that the Alliance supports a negotiated solution.',
  'Japan is a natural partner for cooperation in cyber defence and maritime security.',
  'The ministers agreed to meet again before the end of the year to review progress.',
  'Officials in Seoul described the talks as frank and useful, and no date was set.',
];

const silent: JobControl = { progress: () => undefined, cancelled: false, throwIfCancelled: () => undefined };

function pageText(page: number): string {
  const lines = Array.from({ length: 16 }, (_, line) => SENTENCES[(page + line) % SENTENCES.length] ?? '');
  return [`Page ${page + 1} of the statement.`, ...lines].join('\n');
}

async function bare(images: readonly Buffer[]): Promise<void> {
  const langPath = join(dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
  const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  for (const image of images) await worker.recognize(image);
  await worker.terminate();
}

/**
 * The CPU time `work` takes in this process, all threads counted (the OCR engine and the page
 * renderer are worker threads): on a shared, loaded machine a steadier figure than the wall clock.
 */
async function cpuTime(work: () => Promise<unknown>, into: number[]): Promise<void> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  into.push((used.user + used.system) / 1000);
}

interface PdfFigures {
  warrant: Summary;
  tesseract: Summary;
  warrantCpu: Summary;
  tesseractCpu: Summary;
}

/** Times both, `runs` times each (wall clock and CPU time), and returns the figures and a printable table. */
export async function benchScannedPdf(runs: number): Promise<{ figures: PdfFigures; report: string }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const texts = Array.from({ length: PAGES }, (_, page) => pageText(page));
  const images = await scanTexts(browser, texts, LETTER);
  const pdf = await scannedPdf(
    browser,
    texts.map((scanned) => ({ scanned })),
    LETTER,
  );
  await browser.close();
  const warrant: number[] = [];
  const baseline: number[] = [];
  const warrantCpu: number[] = [];
  const baselineCpu: number[] = [];
  const read = async (): Promise<void> => {
    const snapshot = await extractSnapshot(pdf, 'scan.pdf', { reading: { language: 'eng', control: silent } });
    if (snapshot.ocr?.pages?.length !== PAGES) throw new Error(`OCR read ${snapshot.ocr?.pages?.length ?? 0} of ${PAGES} pages`);
  };
  for (let run = 0; run < runs; run += 1) {
    await cpuTime(async () => baseline.push(await timeAsync(() => bare(images))), baselineCpu);
    await cpuTime(async () => warrant.push(await timeAsync(read)), warrantCpu);
  }
  const figures = {
    warrant: summarise(warrant),
    tesseract: summarise(baseline),
    warrantCpu: summarise(warrantCpu),
    tesseractCpu: summarise(baselineCpu),
  };
  const row = (label: string, ours: Summary, theirs: Summary): string[] => [
    label,
    ms(ours.p50),
    ms(ours.max),
    ms(theirs.p50),
    ms(theirs.max),
    ratio(ours.p50, theirs.p50),
  ];
  const report =
    `OCR of a ${PAGES}-page scanned PDF (letter, 300 dpi, English), ${runs} run${runs === 1 ? '' : 's'} each\n` +
    table(
      ['', 'Warrant p50 ms', 'max', 'tesseract.js p50 ms', 'max', 'Warrant ÷ tesseract.js'],
      [row('wall clock', figures.warrant, figures.tesseract), row('CPU time', figures.warrantCpu, figures.tesseractCpu)],
    );
  return { figures, report };
}
