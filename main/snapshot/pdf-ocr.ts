import type { JobControl } from '../../src/contract/job-manager';
import type { OcrLanguage, OcrWord } from '../../src/snapshot/ocr';
import { codePointLength } from '../../src/text/code-points';
import { openOcrEngine, type OcrReading, type OcrResult } from './ocr-engine';
import { PdfPageRenderer, type RenderedPage } from './pdf-render';
import { joinPages } from './pdf-text';

/** A PDF's text once the pages without a text layer were read with OCR. */
export interface ScannedPdfText {
  text: string;
  /** UTF-16 offsets where each page starts. */
  pageOffsets: number[];
  /** What OCR read (pages, language, confidence, each word's page and place); null when it read nothing. */
  ocr: OcrResult | null;
}

/**
 * In a document whose other pages have a text layer, a page without one is as often a figure or a
 * cover as a scanned page; OCR of a picture reads shapes as letters at low confidence (a book
 * cover in the corpus gave 34%, where a clean scan gives over 90%). Such a reading is not kept.
 */
const MIN_CONFIDENCE_BESIDE_TEXT = 60;

interface PageReading extends OcrReading {
  page: RenderedPage;
}

/**
 * Reads with OCR the pages of a PDF that have no text layer (blank extracted text), keeping the
 * text of the others as extracted: a scan, or a document with some scanned pages. Each page is
 * drawn at about 300 dpi while the previous one is being read, one OCR engine reads them all,
 * and progress is reported page by page. Word regions are given in PDF points from the page's
 * top-left corner. A page that cannot be drawn is left blank rather than failing the capture:
 * the text layer that was read is kept, and a document left with no text still says so. Beside
 * pages with a text layer, a page read with low confidence (a picture) stays blank too.
 */
export async function readScannedPages(
  bytes: Uint8Array,
  pageTexts: readonly string[],
  language: OcrLanguage,
  control: JobControl,
): Promise<ScannedPdfText> {
  const empty = pageTexts.flatMap((text, index) => (text.trim() === '' ? [index + 1] : []));
  if (empty.length === 0) return { ...joinPages(pageTexts), ocr: null };

  const mixed = empty.length < pageTexts.length;
  const label = (index: number): string => `Reading page ${empty[index]} with OCR (${index + 1} of ${empty.length})`;
  control.progress(0, empty.length * 100, label(0));
  const renderer = new PdfPageRenderer(bytes);
  const draw = (index: number): Promise<RenderedPage | null> => {
    const page = empty[index];
    return page === undefined ? Promise.resolve(null) : renderer.render(page).catch(() => null);
  };
  const readings: PageReading[] = [];
  // The engine starts (in its own thread) while the first page is drawn; a document whose
  // empty pages all turn out blank closes it unused.
  const starting = openOcrEngine(language, control);
  starting.catch(() => undefined);
  try {
    let next = draw(0);
    for (let index = 0; index < empty.length; index += 1) {
      const page = await next;
      // The next page is drawn (in the renderer's thread) while this one is read.
      next = draw(index + 1);
      control.throwIfCancelled();
      if (!page || page.blank) continue;
      const engine = await starting;
      const reading = await engine.read(page.image, (fraction) =>
        control.progress(index * 100 + Math.round(fraction * 100), empty.length * 100, label(index)),
      );
      if (reading.confidence >= (mixed ? MIN_CONFIDENCE_BESIDE_TEXT : 0)) readings.push({ ...reading, page });
    }
  } finally {
    await Promise.all([
      starting.then(
        (engine) => engine.close(),
        () => undefined,
      ),
      renderer.close(),
    ]);
  }
  control.throwIfCancelled();
  return assemble(pageTexts, readings, language);
}

/** The pages' text with the OCR'd ones filled in, and each word placed in the text and on its page. */
function assemble(pageTexts: readonly string[], readings: readonly PageReading[], language: OcrLanguage): ScannedPdfText {
  const byPage = new Map(readings.map((reading) => [reading.page.page, reading]));
  const texts = pageTexts.map((text, index) => byPage.get(index + 1)?.text ?? text);
  const { text, pageOffsets } = joinPages(texts);
  const words: OcrWord[] = [];
  let pointsBefore = 0;
  texts.forEach((pageText, index) => {
    const reading = byPage.get(index + 1);
    if (index > 0) pointsBefore += 2; // the blank line between pages
    for (const word of reading?.words ?? []) {
      const { scale } = reading?.page ?? { scale: 1 };
      const x = Math.floor(word.region.x / scale);
      const y = Math.floor(word.region.y / scale);
      words.push({
        start: pointsBefore + word.start,
        end: pointsBefore + word.end,
        page: index + 1,
        region: {
          x,
          y,
          w: Math.ceil((word.region.x + word.region.w) / scale) - x,
          h: Math.ceil((word.region.y + word.region.h) / scale) - y,
        },
      });
    }
    pointsBefore += codePointLength(pageText);
  });
  const read = readings.filter((reading) => reading.words.length > 0);
  const first = read[0];
  if (!first) return { text, pageOffsets, ocr: null };
  const wordCount = read.reduce((sum, reading) => sum + reading.words.length, 0);
  const confidence = Math.round(read.reduce((sum, reading) => sum + reading.confidence * reading.words.length, 0) / wordCount);
  return {
    text,
    pageOffsets,
    ocr: {
      text,
      words,
      languages: [language],
      confidence,
      width: Math.round(first.page.width),
      height: Math.round(first.page.height),
      pages: read.map((reading) => reading.page.page),
    },
  };
}
