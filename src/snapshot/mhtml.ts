/**
 * Reads an MHTML file ("Save page as… Webpage, single file" in Chromium browsers): a MIME
 * `multipart/related` message whose parts are the page and its resources, each encoded as
 * quoted-printable, base64 or raw bytes. Only what Warrant needs is read: the main document, its
 * declared charset and where it came from, and the other parts by content location, so a
 * reference in the page can be resolved to a stored part and never to the network.
 */

export interface MhtmlPart {
  /** Lower-cased media type without parameters, e.g. `text/html`, `image/png`. */
  mediaType: string;
  /** The `charset` parameter of the part's Content-Type, if any. */
  charset: string | null;
  /** The part's `Content-Location` (the URL it was saved from), if any. */
  contentLocation: string | null;
  /** The part's `Content-ID` without its angle brackets, if any (what `cid:` references name). */
  contentId: string | null;
  /** The decoded bytes. */
  bytes: Uint8Array;
}

export interface MhtmlDocument {
  /** The page itself. */
  main: MhtmlPart;
  /** Every other part (images, style sheets, frames). */
  resources: MhtmlPart[];
  /** `Snapshot-Content-Location` (Chromium) or the main part's location: the page's address. */
  pageUrl: string | null;
  /** The message's `Date` header as ISO 8601, when it parses. */
  savedAt: string | null;
}

/** Why an MHTML file cannot be read; the message completes "could not be read as an MHTML page (…)". */
export class MhtmlReadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'MhtmlReadError';
  }
}

/** More parts than any saved page has: a file with more is refused rather than split forever. */
export const MHTML_MAX_PARTS = 10_000;

type Headers = ReadonlyMap<string, string>;

/** Bytes as a string of one char per byte, so offsets agree and nothing is lost before decoding. */
function binaryString(bytes: Uint8Array): string {
  let out = '';
  const step = 0x8000;
  for (let at = 0; at < bytes.length; at += step) out += String.fromCharCode(...bytes.subarray(at, at + step));
  return out;
}

function binaryBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}

/** Splits a header block from its body at the first blank line; header lines are unfolded. */
function splitHeaders(entity: string): { headers: Headers; body: string } {
  const match = /\r?\n\r?\n/.exec(entity);
  const head = match ? entity.slice(0, match.index) : entity;
  const body = match ? entity.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[\t ]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A parameter (`boundary`, `charset`, `start`) of a structured header value. */
function headerParameter(value: string, name: string): string | null {
  const pattern = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const found = pattern.exec(value);
  return found ? (found[1] ?? found[2] ?? null) : null;
}

function mediaTypeOf(value: string | undefined): string {
  return (value ?? 'text/plain').split(';')[0]?.trim().toLowerCase() ?? 'text/plain';
}

function decodeQuotedPrintable(body: string): Uint8Array {
  const joined = body.replace(/=\r?\n/g, '');
  const out = new Uint8Array(joined.length);
  let length = 0;
  for (let index = 0; index < joined.length; index += 1) {
    const char = joined.charCodeAt(index);
    if (char === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(index + 1, index + 3))) {
      out[length] = parseInt(joined.slice(index + 1, index + 3), 16);
      index += 2;
    } else {
      out[length] = char & 0xff;
    }
    length += 1;
  }
  return out.slice(0, length);
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(body: string): Uint8Array {
  const clean = body.replace(/\s/g, '').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) throw new MhtmlReadError('a base64 part is damaged');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let held = 0;
  let length = 0;
  for (const char of clean) {
    held = (held << 6) | BASE64_ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length] = (held >> bits) & 0xff;
      length += 1;
    }
  }
  return out.subarray(0, length);
}

function decodeBody(headers: Headers, body: string): Uint8Array {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return decodeBase64(body);
  if (encoding === '7bit' || encoding === '8bit' || encoding === 'binary') return binaryBytes(body);
  throw new MhtmlReadError(`a part uses the transfer encoding “${encoding.slice(0, 40)}”, which Warrant does not read`);
}

function angleless(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  return value.trim().replace(/^<|>$/g, '');
}

function isoDate(value: string | undefined): string | null {
  if (value === undefined) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Whether bytes start like an MHTML message: MIME headers naming a multipart/related body. */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = binaryString(bytes.subarray(0, 8192));
  const { headers } = splitHeaders(head);
  return mediaTypeOf(headers.get('content-type')) === 'multipart/related';
}

/** Parses an MHTML file; throws {@link MhtmlReadError} with a reason for the analyst. */
export function parseMhtml(bytes: Uint8Array): MhtmlDocument {
  const { headers, body } = splitHeaders(binaryString(bytes));
  const contentType = headers.get('content-type');
  if (mediaTypeOf(contentType) !== 'multipart/related') throw new MhtmlReadError('it is not a multipart/related MIME message');
  const boundary = headerParameter(contentType ?? '', 'boundary');
  if (!boundary) throw new MhtmlReadError('its Content-Type names no boundary between parts');

  const delimiter = `--${boundary}`;
  const chunks = body.split(delimiter);
  if (chunks.length < 2) throw new MhtmlReadError('none of its parts could be found (the file may be truncated)');
  const parts: MhtmlPart[] = [];
  let closed = false;
  // chunks[0] is the preamble; a chunk starting with "--" is the closing delimiter.
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) {
      closed = true;
      break;
    }
    if (parts.length >= MHTML_MAX_PARTS) throw new MhtmlReadError(`it has more than ${MHTML_MAX_PARTS.toLocaleString('en-US')} parts`);
    const entity = splitHeaders(chunk.replace(/^[\t ]*\r?\n/, ''));
    // The line break before the next delimiter belongs to the delimiter, not the part.
    const partBody = entity.body.replace(/\r?\n$/, '');
    const partType = entity.headers.get('content-type');
    parts.push({
      mediaType: mediaTypeOf(partType),
      charset: partType ? headerParameter(partType, 'charset') : null,
      contentLocation: entity.headers.get('content-location')?.trim() || null,
      contentId: angleless(entity.headers.get('content-id')),
      bytes: decodeBody(entity.headers, partBody),
    });
  }
  if (!closed) throw new MhtmlReadError('its last part is not closed (the file may be truncated)');

  const start = angleless(headerParameter(contentType ?? '', 'start') ?? undefined);
  const main =
    (start === null ? undefined : parts.find((part) => part.contentId === start)) ??
    parts.find((part) => part.mediaType === 'text/html' || part.mediaType === 'application/xhtml+xml');
  if (!main) throw new MhtmlReadError('it holds no HTML page');
  return {
    main,
    resources: parts.filter((part) => part !== main),
    pageUrl: headers.get('snapshot-content-location')?.trim() || main.contentLocation,
    savedAt: isoDate(headers.get('date')),
  };
}
