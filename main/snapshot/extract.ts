import { createHash } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import type { SnapshotArchive, SnapshotTextNotice } from '../../src/domain/snapshot';
import { decodeCapturedText } from '../../src/snapshot/charset';
import { HTML_MAX_DEPTH, HtmlTooDeepError, htmlToText } from '../../src/snapshot/html-text';
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LABEL } from '../../src/snapshot/limits';
import { noticeForText } from '../../src/snapshot/text-notice';
import {
  detectSnapshotType,
  formatMegabytes,
  isImageMediaType,
  quotedFileName,
  type SnapshotMediaType,
} from '../../src/snapshot/media-type';
import type { OcrLanguage } from '../../src/snapshot/ocr';
import type { JobControl } from '../../src/contract/job-manager';
import type { OcrResult } from './ocr-engine';
import { archiveFormatOf } from '../../src/snapshot/archive-facts';
import { archivedPage, decodeArchivedHtml, type SnapshotResource } from './archive';
import { extractPdfText, PdfReadError, type PdfText } from './pdf-text';

/** What is stored for an offline snapshot besides its bytes (which are stored unchanged). */
export interface ExtractedSnapshot {
  mediaType: SnapshotMediaType;
  /** The text that is searched and quoted from; quotes hold offsets into it. */
  text: string;
  /** For a PDF, the offset in `text` where each page starts; null otherwise. */
  pageOffsets: number[] | null;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  /** Size of the bytes. */
  size: number;
  /** HTML `<title>` or PDF Title, else ''. */
  title: string;
  /** For HTML and text: the encoding the bytes were read in (e.g. `gb18030`); null for a PDF. */
  encoding: string | null;
  /** Set when the text is blank or was read from an XFA form's data (see `SnapshotTextNotice`). */
  textNotice: SnapshotTextNotice | null;
  /** For an image or a scanned PDF: its text was read with OCR (what was read, and each word's place in the image or on its page). */
  ocr: OcrResult | null;
  /** For an MHTML page or a page from a WARC or WACZ: the container and its own capture facts. */
  archive: SnapshotArchive | null;
  /** Images kept with an MHTML page for viewing (empty for everything else). */
  images: SnapshotResource[];
}

/** How the text of an image or of a PDF's scanned pages is read: in which language, within which job (progress, Cancel). */
export interface ImageReading {
  language: OcrLanguage;
  control: JobControl;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Plain text as stored in `text`: line ends as `\n`, NFC. */
function normalisePlainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * Checks a snapshot file and extracts its text. Throws `WarrantError('invalid_input')` with a
 * message naming the file for anything Warrant will not store: empty, over the size limit, not
 * what its extension says, text that is not UTF-8/UTF-16, a PDF pdf.js cannot read.
 */
export async function extractSnapshot(
  bytes: Uint8Array,
  fileName: string,
  options: { pageId?: string; reading?: ImageReading } = {},
): Promise<ExtractedSnapshot> {
  if (archiveFormatOf(fileName) !== null) return extractArchive(bytes, fileName, options.pageId);
  const detected = detectSnapshotType(bytes, fileName);
  if (!detected.ok) throw new WarrantError('invalid_input', detected.message);
  const { mediaType } = detected;
  const base = { mediaType, sha256: sha256(bytes), size: bytes.length, ocr: null };

  if (isImageMediaType(mediaType)) {
    const { reading } = options;
    if (!reading) throw new WarrantError('invalid_input', `${quotedFileName(fileName)} is an image: say which language its text is in.`);
    const { recogniseImage } = await import('./ocr-engine');
    const ocr = await recogniseImage(bytes, reading.language, reading.control);
    const text = ocr.text;
    return {
      ...base,
      text,
      pageOffsets: null,
      title: '',
      encoding: null,
      textNotice: noticeForText(text, false),
      ocr,
      archive: null,
      images: [],
    };
  }

  if (mediaType === 'application/pdf') {
    let pdf: PdfText;
    try {
      pdf = await extractPdfText(bytes);
    } catch (error) {
      if (error instanceof PdfReadError) {
        throw new WarrantError('invalid_input', `${quotedFileName(fileName)} could not be read as a PDF (${error.reason}).`);
      }
      throw error;
    }
    const { reading } = options;
    // Pages with no text layer (a scan, or scanned pages in a document) are read with OCR.
    const scanned =
      reading && !pdf.xfaForm && pdf.pageTexts.some((page) => page.trim() === '')
        ? await (await import('./pdf-ocr')).readScannedPages(bytes, pdf.pageTexts, reading.language, reading.control)
        : { text: pdf.text, pageOffsets: pdf.pageOffsets, ocr: null };
    return {
      ...base,
      archive: null,
      images: [],
      text: scanned.text,
      pageOffsets: scanned.pageOffsets,
      title: pdf.title,
      encoding: null,
      textNotice: noticeForText(scanned.text, pdf.xfaForm),
      ocr: scanned.ocr,
    };
  }

  let decoded: string;
  let encoding: string;
  try {
    ({ text: decoded, encoding } = decodeCapturedText(bytes, { html: mediaType === 'text/html' }));
  } catch {
    // detectSnapshotType already decoded it; this is only a safety net.
    throw new WarrantError('invalid_input', `${quotedFileName(fileName)} is not UTF-8 text.`);
  }
  if (mediaType === 'text/html') return { ...base, ...htmlSnapshot(decoded, fileName), encoding, archive: null, images: [] };
  const text = normalisePlainText(decoded);
  return { ...base, text, pageOffsets: null, title: '', encoding, textNotice: noticeForText(text, false), archive: null, images: [] };
}

function htmlSnapshot(html: string, fileName: string): Pick<ExtractedSnapshot, 'text' | 'title' | 'pageOffsets' | 'textNotice'> {
  try {
    const { title, text } = htmlToText(html);
    return { text, pageOffsets: null, title, textNotice: noticeForText(text, false) };
  } catch (error) {
    if (error instanceof HtmlTooDeepError) {
      throw new WarrantError(
        'invalid_input',
        `${quotedFileName(fileName)} could not be read as an HTML page (it nests more than ${HTML_MAX_DEPTH.toLocaleString('en-US')} elements inside one another).`,
      );
    }
    throw error;
  }
}

/**
 * An MHTML page or a page picked from a WARC or WACZ: the container's bytes are what is kept
 * and hashed, the page's HTML is what the text comes from (through the same HTML path).
 */
async function extractArchive(bytes: Uint8Array, fileName: string, pageId: string | undefined): Promise<ExtractedSnapshot> {
  const name = quotedFileName(fileName);
  if (bytes.length === 0) throw new WarrantError('invalid_input', `${name} is empty.`);
  if (bytes.length > SNAPSHOT_MAX_BYTES) {
    throw new WarrantError(
      'invalid_input',
      `${name} is ${formatMegabytes(bytes.length)}; a snapshot can be at most ${SNAPSHOT_MAX_LABEL}.`,
    );
  }
  const format = archiveFormatOf(fileName) ?? 'warc';
  const page = await archivedPage(bytes, fileName, format, pageId);
  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeArchivedHtml(page);
  } catch {
    throw new WarrantError('invalid_input', `${name}: the archived page is not in an encoding Warrant can read.`);
  }
  return {
    mediaType: 'text/html',
    sha256: sha256(bytes),
    size: bytes.length,
    ...htmlSnapshot(decoded.text, fileName),
    encoding: decoded.encoding,
    archive: { format, url: page.url, capturedAt: page.capturedAt },
    images: page.images,
    ocr: null,
  };
}

/**
 * Pasted text as a snapshot: stored as its UTF-8 bytes (returned, to be stored as they are),
 * `text/plain`, subject to the same size limit as files.
 */
export function extractPastedText(pasted: string): ExtractedSnapshot & { bytes: Uint8Array } {
  if (pasted.trim() === '') throw new WarrantError('invalid_input', 'The pasted text is empty.');
  const bytes = new TextEncoder().encode(pasted);
  if (bytes.length > SNAPSHOT_MAX_BYTES) {
    throw new WarrantError(
      'invalid_input',
      `The pasted text is ${formatMegabytes(bytes.length)}; a snapshot can be at most ${SNAPSHOT_MAX_LABEL}.`,
    );
  }
  return {
    bytes,
    mediaType: 'text/plain',
    text: normalisePlainText(pasted),
    pageOffsets: null,
    sha256: sha256(bytes),
    size: bytes.length,
    title: '',
    encoding: 'utf-8',
    textNotice: null,
    ocr: null,
    archive: null,
    images: [],
  };
}
