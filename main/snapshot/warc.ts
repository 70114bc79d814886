import { gunzipSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';

/**
 * The captured pages of one WARC file, read with warcio. A gzipped WARC (one gzip member per
 * record, as Heritrix and Webrecorder write it) is inflated first with a cap on its output, so a
 * gzip bomb is refused before warcio sees it. Only HTML responses count as pages; a capture whose
 * target is not an http(s) address (`file:`, `javascript:`…) is set aside with the reason and is
 * never offered or read.
 */

export class WarcReadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'WarcReadError';
  }
}

/** A captured HTML page: where it is in the archive, what it was and when. */
export interface WarcPage {
  /** `<file index>:<record offset>`: stable for the same archive bytes. */
  pageId: string;
  url: string;
  /** WARC-Date as ISO 8601 (null when the record has none that parses). */
  capturedAt: string | null;
}

/** A page's record read in full. */
export interface WarcCapture extends WarcPage {
  body: Uint8Array;
  /** The charset of the captured HTTP response's Content-Type, if any. */
  charset: string | null;
}

export interface WarcListing {
  pages: WarcPage[];
  /** HTML captures that were not offered, e.g. `file:///etc/passwd` (“a file: address”). */
  refused: { url: string; reason: string }[];
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A gzipped WARC as plain WARC bytes; throws when damaged or when it unpacks past `maxBytes`. */
export function plainWarc(bytes: Uint8Array, maxBytes: number, limitBytes = maxBytes): Uint8Array {
  let plain: Uint8Array = bytes;
  if (isGzip(bytes)) {
    const tooLarge = new WarcReadError(`it unpacks to more than ${Math.round(limitBytes / (1024 * 1024))} MB`);
    if (maxBytes < 1) throw tooLarge;
    try {
      plain = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge;
      throw new WarcReadError('its gzip compression is damaged or cut short');
    }
  }
  if (new TextDecoder().decode(plain.subarray(0, 5)) !== 'WARC/') throw new WarcReadError('it does not start with a WARC record');
  return plain;
}

/** Why a target address is never read, or null when it is an http(s) address. */
export function unsafeTargetReason(url: string): string | null {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return null;
  if (scheme === undefined) return 'it has no web address';
  return `it points at a ${scheme}: address, which Warrant never loads`;
}

function mediaTypeOf(value: string | null | undefined): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function charsetOf(value: string | null | undefined): string | null {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(value ?? '')?.[1] ?? null;
}

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The record's payload media type when it is a captured page, else null. */
function pageContentType(record: WARCRecord): string | null {
  if (record.warcType === 'response') {
    const status = Number(record.httpHeaders?.statusCode);
    const type = record.httpHeaders?.headers.get('content-type') ?? null;
    if (!(status >= 200 && status < 300)) return null;
    return HTML_TYPES.has(mediaTypeOf(type)) ? type : null;
  }
  if (record.warcType === 'resource') {
    const type = record.warcContentType ?? null;
    return HTML_TYPES.has(mediaTypeOf(type)) ? type : null;
  }
  return null;
}

/**
 * Walks every record of a plain WARC; `visit` sees each HTML capture with its id. Throws when a
 * record is garbled or cut short, so a damaged archive is refused rather than half read.
 */
async function walk(plain: Uint8Array, fileIndex: number, visit: (page: WarcPage, record: WARCRecord, type: string) => Promise<boolean>) {
  const parser = new WARCParser([plain]);
  let records = 0;
  for await (const record of parser) {
    records += 1;
    if (!record.warcType || !record.warcHeaders.statusline.startsWith('WARC/')) throw new WarcReadError(`record ${records} is garbled`);
    const offset = parser.offset;
    const type = pageContentType(record);
    const page: WarcPage = { pageId: `${fileIndex}:${offset}`, url: record.warcTargetURI ?? '', capturedAt: isoDate(record.warcDate) };
    if (type !== null && (await visit(page, record, type))) return;
    await record.readFully(false);
    const declared = Number(record.warcHeaders.headers.get('content-length'));
    // warcio counts `_warcHeadersLength` from the start of the file, and stops quietly at a short record.
    if (!Number.isFinite(declared) || parser.recordLength < parser._warcHeadersLength - offset + declared) {
      throw new WarcReadError(`record ${records} is cut short (the file may be truncated)`);
    }
  }
  if (records === 0) throw new WarcReadError('it holds no WARC records');
}

/** Lists the HTML pages captured in one WARC file (already plain: see {@link plainWarc}). */
export async function listWarcPages(plain: Uint8Array, fileIndex: number): Promise<WarcListing> {
  const listing: WarcListing = { pages: [], refused: [] };
  await walk(plain, fileIndex, async (page) => {
    const reason = unsafeTargetReason(page.url);
    if (reason === null) listing.pages.push(page);
    else listing.refused.push({ url: page.url, reason });
    return false;
  });
  return listing;
}

/** A page's content, undoing its HTTP content and transfer encodings, refused past `maxBytes` (a gzip bomb in a response). */
async function readCapped(reader: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of reader) {
    total += chunk.length;
    if (total > maxBytes) throw new WarcReadError(`the chosen page unpacks to more than ${Math.round(maxBytes / (1024 * 1024))} MB`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads one captured page, by the id {@link listWarcPages} gave it; null when there is none. */
export async function readWarcPage(plain: Uint8Array, fileIndex: number, pageId: string, maxBytes: number): Promise<WarcCapture | null> {
  let found: WarcCapture | null = null;
  await walk(plain, fileIndex, async (page, record, type) => {
    if (page.pageId !== pageId) return false;
    const reason = unsafeTargetReason(page.url);
    if (reason !== null) throw new WarcReadError(`the chosen capture (${page.url.slice(0, 80)}) ${reason}`);
    found = { ...page, body: await readCapped(record.contentReader, maxBytes), charset: charsetOf(type) };
    return true;
  });
  return found;
}
