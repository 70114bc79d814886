import { z } from 'zod';

/**
 * Reading text out of images (screenshots, photographed documents) with OCR. The engine runs in
 * the host; this module holds what both sides share: the languages Warrant ships models for,
 * how recognised words become the snapshot's text, and which region of the image a quote covers.
 */

/** Tesseract's language codes for the models installed with Warrant (no download at run time). */
export const OCR_LANGUAGES = ['eng', 'jpn', 'kor'] as const;
export const OcrLanguageSchema = z.enum(OCR_LANGUAGES, { error: 'Choose English, Japanese or Korean for the text in the image.' });
export type OcrLanguage = z.infer<typeof OcrLanguageSchema>;

export const OCR_LANGUAGE_NAMES: Readonly<Record<OcrLanguage, string>> = { eng: 'English', jpn: 'Japanese', kor: 'Korean' };

export function ocrLanguagesLabel(languages: readonly string[]): string {
  return languages.map((code) => OCR_LANGUAGE_NAMES[code as OcrLanguage] ?? code).join(' + ');
}

/** A rectangle in image pixels, from the top-left corner. */
export const ImageRegionSchema = z.object({ x: z.number().int(), y: z.number().int(), w: z.number().int(), h: z.number().int() });
export type ImageRegion = z.infer<typeof ImageRegionSchema>;

/** What a snapshot records about the OCR its text came from. */
export const SnapshotOcrSchema = z.object({
  /** The models the text was read with (one per image today; a list so records stay readable if that changes). */
  languages: z.array(z.string()),
  /** Tesseract's mean word confidence, 0–100. */
  confidence: z.number().min(0).max(100),
  /** An image's size in pixels; for a scanned PDF, the first page read with OCR, in points. */
  width: z.number().int(),
  height: z.number().int(),
  /** For a PDF: the pages (1-based) whose text was read with OCR, the others having a text layer. Absent for an image. */
  pages: z.array(z.number().int()).optional(),
});
export type SnapshotOcr = z.infer<typeof SnapshotOcrSchema>;

/**
 * A recognised word: where it stands in the snapshot text (code points) and in the image. For a
 * scanned PDF, `page` is its page (1-based) and the region is in PDF points from the page's
 * top-left corner, so it does not depend on the resolution the page was read at.
 */
export const OcrWordSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  region: ImageRegionSchema,
  page: z.number().int().positive().optional(),
});
export type OcrWord = z.infer<typeof OcrWordSchema>;

/** Where a quote cut from OCR text stands: a region of the image, or of a scanned PDF's page. */
export type OcrPlace = ImageRegion & { page?: number };

/** The recognition result as the engine gives it: blocks of paragraphs of lines of words. */
export interface RecognisedBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface RecognisedWord {
  text: string;
  bbox: RecognisedBox;
}
export interface RecognisedParagraph {
  lines: readonly { words: readonly RecognisedWord[] }[];
}
export interface RecognisedBlock {
  paragraphs: readonly RecognisedParagraph[];
}

/** Han, kana and CJK punctuation: scripts written without spaces between words (Korean is written with them). */
const UNSPACED = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

function firstChar(text: string): string {
  return Array.from(text)[0] ?? '';
}
function lastChar(text: string): string {
  return Array.from(text).at(-1) ?? '';
}

/**
 * The snapshot text of a recognition result, with each word's place in it. Words on a line are
 * joined by a space, except between two characters of scripts written without spaces (the
 * engine splits Japanese into "words" a reader would not see); lines by a line break and
 * paragraphs by a blank line, so the text reads as the image does.
 */
export function assembleOcrText(blocks: readonly RecognisedBlock[]): { text: string; words: OcrWord[] } {
  let text = '';
  let length = 0; // in code points
  const words: OcrWord[] = [];
  const append = (piece: string): void => {
    text += piece;
    length += Array.from(piece).length;
  };
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      if (text !== '') append('\n\n');
      paragraph.lines.forEach((line, lineIndex) => {
        if (lineIndex > 0) append('\n');
        let previous = '';
        for (const word of line.words) {
          const content = word.text.normalize('NFC').trim();
          if (content === '') continue;
          if (previous !== '' && !(UNSPACED.test(lastChar(previous)) && UNSPACED.test(firstChar(content)))) append(' ');
          const start = length;
          append(content);
          const { x0, y0, x1, y1 } = word.bbox;
          words.push({ start, end: length, region: { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) } });
          previous = content;
        }
      });
    }
  }
  return { text, words };
}

/**
 * The smallest rectangle holding every word a span of the text touches; null when it touches
 * none. A span running over a page break of a scanned PDF gets the region on its first page.
 */
export function regionOfSpan(words: readonly OcrWord[], span: { start: number; end: number }): OcrPlace | null {
  const inSpan = words.filter((word) => word.start < span.end && word.end > span.start);
  const page = inSpan[0]?.page;
  const touched = inSpan.filter((word) => word.page === page);
  if (touched.length === 0) return null;
  const left = Math.min(...touched.map((w) => w.region.x));
  const top = Math.min(...touched.map((w) => w.region.y));
  const right = Math.max(...touched.map((w) => w.region.x + w.region.w));
  const bottom = Math.max(...touched.map((w) => w.region.y + w.region.h));
  const region = { x: left, y: top, w: right - left, h: bottom - top };
  return page === undefined ? region : { ...region, page };
}

/** How an export and the quote view describe where an OCR quote came from. */
export function ocrRegionText(place: OcrPlace): string {
  const box = `${place.x},${place.y},${place.w},${place.h}`;
  return place.page === undefined ? `OCR, region ${box} of the image` : `OCR, page ${place.page}, region ${box}`;
}

/** Page numbers as a reader writes them: "1, 3, 5–8" (a run of three or more as a range). */
export function pageListText(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length;) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] ?? 0) + 1) end += 1;
    const run = sorted.slice(index, end + 1);
    parts.push(...(run.length >= 3 ? [`${run[0]}–${run.at(-1)}`] : run.map(String)));
    index = end + 1;
  }
  return parts.join(', ');
}
