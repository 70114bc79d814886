import { decodeCapturedText } from './charset';
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LABEL } from './limits';

/**
 * What an offline snapshot file is. The extension says what the file claims to be; the bytes
 * must agree, so a renamed image or a PDF saved as `.txt` is refused before anything is stored.
 */

export type SnapshotMediaType = 'text/html' | 'application/pdf' | 'text/plain' | ImageMediaType;
export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

export type SnapshotTypeResult = { ok: true; mediaType: SnapshotMediaType } | { ok: false; message: string };

const EXTENSIONS: Readonly<Record<string, SnapshotMediaType>> = {
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'text/html',
  pdf: 'application/pdf',
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** How the refusal names what a file claimed to be. */
const CLAIMED: Readonly<Record<SnapshotMediaType, string>> = {
  'text/html': 'an HTML page',
  'application/pdf': 'a PDF',
  'text/plain': 'a text file',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/webp': 'a WebP image',
};

/** The images kept as snapshots (their text is read with OCR), by their leading bytes. */
const IMAGE_SIGNATURES: readonly { bytes: readonly number[]; offset?: number; mediaType: ImageMediaType }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], mediaType: 'image/png' },
  { bytes: [0xff, 0xd8, 0xff], mediaType: 'image/jpeg' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, mediaType: 'image/webp' },
];

export function isImageMediaType(mediaType: string): mediaType is ImageMediaType {
  return mediaType === 'image/png' || mediaType === 'image/jpeg' || mediaType === 'image/webp';
}

/** pdf.js accepts a `%PDF-` header anywhere in the first 1024 bytes; so do we for `.pdf`. */
const PDF_HEADER_WINDOW = 1024;
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Formats that are recognisably not text, by their leading bytes. */
const SIGNATURES: readonly { bytes: readonly number[]; offset?: number; looksLike: string }[] = [
  { bytes: PDF_HEADER, looksLike: 'a PDF document' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a PNG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], looksLike: 'a GIF image' }, // GIF8
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, looksLike: 'a WebP image' }, // RIFF....WEBP
  { bytes: [0x50, 0x4b, 0x03, 0x04], looksLike: 'a ZIP archive, such as a Word or Excel document' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], looksLike: 'a ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: 'an older Office document (.doc, .xls or .ppt)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], looksLike: 'a program (an ELF executable)' },
  { bytes: [0x1f, 0x8b], looksLike: 'a gzip archive' },
  // "SQLite format 3\0"
  {
    bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00],
    looksLike: 'a SQLite database, such as a Warrant workspace',
  },
];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/** Whether `%PDF-` occurs within the first 1024 bytes, as pdf.js requires. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const last = Math.min(bytes.length - PDF_HEADER.length, PDF_HEADER_WINDOW - PDF_HEADER.length);
  for (let offset = 0; offset <= last; offset += 1) {
    if (startsWith(bytes, PDF_HEADER, offset)) return true;
  }
  return false;
}

function signatureOf(bytes: Uint8Array): string | null {
  return SIGNATURES.find((entry) => startsWith(bytes, entry.bytes, entry.offset))?.looksLike ?? null;
}

type TextCheck = { ok: true; text: string } | { ok: false; looksLike: string };

/** Bytes that count as "binary" when judging what undecodable content looks like. */
function isControlByte(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b;
}

/** What bytes that are not text look like, when no signature matched. */
function describeBinary(bytes: Uint8Array): string {
  if (hasPdfHeader(bytes)) return 'a PDF document';
  if (startsWith(bytes, [0x4d, 0x5a])) return 'a Windows program';
  return 'binary data';
}

/** What bytes that failed to decode look like. */
function describeUndecodable(bytes: Uint8Array): string {
  if (hasPdfHeader(bytes) || startsWith(bytes, [0x4d, 0x5a])) return describeBinary(bytes);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'damaged UTF-16 text';
  const sample = bytes.subarray(0, 4096);
  let controls = 0;
  for (const byte of sample) if (isControlByte(byte)) controls += 1;
  return controls * 20 > sample.length ? 'binary data' : 'text in an older encoding such as Latin-1 or Windows-1252';
}

/** The share of control characters (other than tab, line breaks, ESC, SUB) at the start of a text. */
function controlShare(text: string): number {
  const sample = text.slice(0, 8192);
  let controls = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if (code < 0x20 && isControlByte(code) && code !== 0x0b && code !== 0x1a) controls += 1;
  }
  return sample.length === 0 ? 0 : controls / sample.length;
}

/**
 * Decodes as UTF-8, BOM-marked UTF-16 or, for what may be a page, the charset the page declares;
 * rejects NUL characters and text that is more than a tenth control characters (binary data
 * that happens to decode).
 */
function checkText(bytes: Uint8Array, mayBeHtml: boolean): TextCheck {
  let text: string;
  try {
    text = decodeCapturedText(bytes, { html: mayBeHtml }).text;
  } catch {
    return { ok: false, looksLike: describeUndecodable(bytes) };
  }
  if (text.includes('\u0000') || controlShare(text) > 0.1) return { ok: false, looksLike: describeBinary(bytes) };
  return { ok: true, text };
}

/**
 * HTML by the WHATWG MIME-sniffing rule: after leading whitespace, one of these openings followed
 * by a space or `>`.
 */
const HTML_OPENINGS = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
];

export function looksLikeHtml(text: string): boolean {
  const start = text
    .replace(/^[\t\n\f\r ]+/, '')
    .slice(0, 16)
    .toLowerCase();
  return HTML_OPENINGS.some((opening) => {
    if (!start.startsWith(opening)) return false;
    const next = start.charAt(opening.length);
    return next === ' ' || next === '>' || (opening === '<!--' && next !== '');
  });
}

/** The file's name as refusals quote it: no folders, no control characters, not too long. */
export function quotedFileName(fileName: string): string {
  const base = Array.from(fileName.split(/[\\/]/).pop() ?? '')
    .filter((char) => char >= ' ' && char !== '\u007f')
    .join('')
    .trim();
  if (base === '') return 'The file';
  const shown = base.length > 120 ? `${base.slice(0, 80)}…${base.slice(-30)}` : base;
  return `“${shown}”`;
}

/** The lower-cased extension of a file name, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** A size in MB with one decimal, rounded up (so anything over 25 MB never reads "25.0 MB"). */
export function formatMegabytes(size: number): string {
  return `${(Math.ceil((size / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/**
 * Decides what a snapshot file is, from its extension checked against its content (or from its
 * content alone when the extension is not one Warrant knows). Refusals are phrased for the user
 * and name the file.
 */
export function detectSnapshotType(bytes: Uint8Array, fileName: string): SnapshotTypeResult {
  const name = quotedFileName(fileName);
  if (bytes.length === 0) return { ok: false, message: `${name} is empty.` };
  if (bytes.length > SNAPSHOT_MAX_BYTES) {
    return {
      ok: false,
      message: `${name} is ${formatMegabytes(bytes.length)}; a snapshot can be at most ${SNAPSHOT_MAX_LABEL}.`,
    };
  }

  const claimed = EXTENSIONS[extensionOf(fileName)];

  if (claimed === 'application/pdf') {
    if (hasPdfHeader(bytes)) return { ok: true, mediaType: claimed };
    const signature = signatureOf(bytes);
    if (signature) return { ok: false, message: `${name} is not a PDF (it looks like ${signature}).` };
    const text = checkText(bytes, true);
    const looksLike = text.ok ? (looksLikeHtml(text.text) ? 'an HTML page' : 'plain text') : text.looksLike;
    return { ok: false, message: `${name} is not a PDF (it looks like ${looksLike}).` };
  }

  const image = IMAGE_SIGNATURES.find((entry) => startsWith(bytes, entry.bytes, entry.offset))?.mediaType;
  if (claimed !== undefined && isImageMediaType(claimed)) {
    if (image === claimed) return { ok: true, mediaType: claimed };
    const looksLike = signatureOf(bytes) ?? (checkText(bytes, true).ok ? 'text' : describeBinary(bytes));
    return { ok: false, message: `${name} is not ${CLAIMED[claimed]} (it looks like ${looksLike}).` };
  }

  if (claimed !== undefined) {
    const signature = signatureOf(bytes);
    if (signature) return { ok: false, message: `${name} is not ${CLAIMED[claimed]} (it looks like ${signature}).` };
    const text = checkText(bytes, claimed === 'text/html');
    if (!text.ok) return { ok: false, message: undecodableMessage(name, CLAIMED[claimed], text.looksLike) };
    return { ok: true, mediaType: claimed };
  }

  // An extension Warrant does not know (or none): go by the content.
  if (hasPdfHeader(bytes) && (startsWith(bytes, PDF_HEADER) || !checkText(bytes, true).ok)) {
    return { ok: true, mediaType: 'application/pdf' };
  }
  if (image) return { ok: true, mediaType: image };
  const signature = signatureOf(bytes);
  const supported = 'a snapshot must be an HTML page, a PDF, a plain-text file or a PNG, JPEG or WebP image';
  if (signature) return { ok: false, message: `${name} cannot be kept as a snapshot (it looks like ${signature}); ${supported}.` };
  const text = checkText(bytes, true);
  if (!text.ok) {
    return { ok: false, message: `${name} cannot be kept as a snapshot (it looks like ${text.looksLike}); ${supported}.` };
  }
  return { ok: true, mediaType: looksLikeHtml(text.text) ? 'text/html' : 'text/plain' };
}

function undecodableMessage(name: string, claimed: string, looksLike: string): string {
  if (looksLike.startsWith('text in an older encoding')) {
    return `${name} is not UTF-8 text (it looks like ${looksLike}). Save it as UTF-8 and attach it again.`;
  }
  return `${name} is not ${claimed} (it looks like ${looksLike}).`;
}
