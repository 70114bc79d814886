/** How the bytes of an imported file were read. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'gb18030' | 'shift_jis' | (string & {});

/** What decided the encoding, so the report can say how sure it is. */
export type EncodingBasis = 'byte-order mark' | 'valid UTF-8' | 'encoding header' | 'byte statistics' | 'fallback: not UTF-8';

/** Labels a `% Encoding:` header (JabRef) may give that TextDecoder knows under another name. */
const HEADER_LABELS: Readonly<Record<string, string>> = {
  cp1252: 'windows-1252',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  ms932: 'shift_jis',
  'windows-31j': 'shift_jis',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** The encoding a JabRef-style `% Encoding: NAME` first line names, when this platform can decode it. */
function headerEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const label = /^\s*%\s*Encoding:\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!label) return null;
  const name = HEADER_LABELS[label] ?? label;
  if (name === 'windows-1252' || name === 'utf-8') return name;
  try {
    new TextDecoder(name);
    return name;
  } catch {
    return null;
  }
}

/** UTF-16 without a byte-order mark shows as NULs beside every ASCII character. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 1) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  if (sample < 4) return null;
  if (odd > sample * 0.3 && even < odd / 10) return 'utf-16le';
  if (even > sample * 0.3 && odd < even / 10) return 'utf-16be';
  return null;
}

function decodes(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Chinese and Japanese text that is not UTF-8, told apart from Western text by its bytes: there,
 * high bytes come in runs (two per character), while Windows-1252 text has lone high bytes
 * between ASCII letters (`M\xfcller`). Shift_JIS is then told by kana, GB18030 by Han characters.
 */
function eastAsian(bytes: Uint8Array): 'gb18030' | 'shift_jis' | null {
  let high = 0;
  let lone = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if ((bytes[i] ?? 0) < 0x80) continue;
    high += 1;
    if ((bytes[i - 1] ?? 0) < 0x80 && (bytes[i + 1] ?? 0) < 0x80) lone += 1;
  }
  if (high === 0 || lone > high * 0.1) return null;
  const japanese = decodes('shift_jis', bytes);
  if (japanese !== null) {
    const wide = [...japanese].filter((c) => c.charCodeAt(0) > 0x7f);
    const kana = wide.filter((c) => /[\u3040-\u30ff]/.test(c)).length;
    if (kana > wide.length * 0.1) return 'shift_jis';
  }
  const chinese = decodes('gb18030', bytes);
  if (chinese !== null) {
    const wide = [...chinese].filter((c) => c.charCodeAt(0) > 0x7f);
    const han = wide.filter((c) => /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(c)).length;
    if (han > wide.length * 0.8) return 'gb18030';
  }
  return null;
}

/**
 * Turns an imported file's bytes into text. A byte-order mark decides (UTF-8, UTF-16 LE/BE);
 * then a JabRef `% Encoding:` header; then UTF-16 without a mark (NUL bytes), valid UTF-8, and
 * GB18030/Shift_JIS by byte statistics. Anything else is read as Windows-1252, the superset of
 * Latin-1 old reference managers wrote, and the basis says it was a fallback. Line ends become `\n`.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName; basis: EncodingBasis } {
  const decoded = pickEncoding(bytes);
  const text =
    decoded.encoding === 'windows-1252'
      ? decodeWindows1252(decoded.body)
      : new TextDecoder(decoded.encoding, { ignoreBOM: true }).decode(decoded.body);
  return { text: normaliseLineEnds(text), encoding: decoded.encoding, basis: decoded.basis };
}

function pickEncoding(bytes: Uint8Array): { encoding: TextEncodingName; basis: EncodingBasis; body: Uint8Array } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', basis: 'byte-order mark', body: bytes.subarray(3) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', basis: 'byte-order mark', body: bytes.subarray(2) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', basis: 'byte-order mark', body: bytes.subarray(2) };
  const header = headerEncoding(bytes);
  // A header that names UTF-8 while the bytes are not UTF-8 is wrong; the bytes decide then.
  if (header && (header !== 'utf-8' || isUtf8(bytes))) return { encoding: header, basis: 'encoding header', body: bytes };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, basis: 'byte statistics', body: bytes };
  if (isUtf8(bytes)) return { encoding: 'utf-8', basis: 'valid UTF-8', body: bytes };
  const cjk = eastAsian(bytes);
  if (cjk) return { encoding: cjk, basis: 'byte statistics', body: bytes };
  return { encoding: 'windows-1252', basis: 'fallback: not UTF-8', body: bytes };
}

/** Bytes 0x80–0x9F in Windows-1252 (five are unassigned and stay as they are). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252 by hand: Node's TextDecoder treats that label as ISO-8859-1 (0x80 stays U+0080)
 * while browsers map it properly; doing it here makes every host read a file the same way.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** CRLF and lone CR become LF, so line numbers and splitting see one convention. */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * True when text looks like binary garbage rather than a bibliography: NUL bytes or many
 * control characters in its first few kilobytes.
 */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.length === 0) return false;
  let control = 0;
  for (let i = 0; i < head.length; i += 1) {
    const code = head.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 12) control += 1;
  }
  return control / head.length > 0.05;
}
