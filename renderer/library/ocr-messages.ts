import { ocrLanguagesLabel, pageListText, type SnapshotOcr } from '../../src/snapshot/ocr';

/** Which part of a snapshot OCR read: the image, or the pages of a scanned PDF it read. */
export function ocrScope(ocr: SnapshotOcr): string {
  if (!ocr.pages) return 'the image';
  return `${ocr.pages.length === 1 ? 'page' : 'pages'} ${pageListText(ocr.pages)}`;
}

/** What the toast says once a capture or a new reading used OCR: "Snapshot captured: the text of pages 1–3 was read with OCR (confidence 93%)." */
export function ocrCapturedMessage(done: string, ocr: SnapshotOcr): string {
  const what = ocr.pages ? `the text of ${ocrScope(ocr)} was` : 'its text was';
  return `${done}: ${what} read with OCR (confidence ${Math.round(ocr.confidence)}%).`;
}

/** The note shown with OCR text: how it was read, and that a quote is checked against the original. */
export function ocrNoticeText(ocr: SnapshotOcr): string {
  const original = ocr.pages ? 'the page' : 'the image';
  return `Text read from ${ocrScope(ocr)} with OCR (${ocrLanguagesLabel(ocr.languages)}, confidence ${Math.round(ocr.confidence)}%). Check a quote against ${original} before relying on it.`;
}
