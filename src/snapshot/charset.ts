/**
 * Which encoding a captured page's bytes are in. A page saved by a browser keeps the bytes the
 * server sent, so a Chinese or Japanese site saved as it was served is GB18030 or Shift_JIS, and
 * says so in its own `<meta charset>` (or the older `http-equiv` form). The order follows what a
 * browser does with a file it has no HTTP headers for: byte-order mark, then the page's own
 * declaration, then UTF-8. Text that matches none is refused upstream rather than guessed at.
 */

/** How far into the file a declaration is looked for (browsers look at 1,024 bytes; saved pages often put a long comment first). */
const PRESCAN_BYTES = 4096;

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `gb18030`, `shift_jis`, `windows-1252`. */
  encoding: string;
  /** How the encoding was chosen, for the analyst: "byte-order mark", "declared in the page", "UTF-8". */
  decidedBy: 'byte-order mark' | 'declared in the page' | 'valid UTF-8';
}

/** The canonical WHATWG encoding for a label, or null when no decoder knows it. */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

const META = /<meta\s[^>]*>/gi;
const CONTENT_ATTRIBUTE = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const CHARSET = /charset\s*=\s*["']?\s*([^"'\s;/>]+)/i;
const HTTP_EQUIV_CONTENT_TYPE = /\shttp-equiv\s*=\s*["']?\s*content-type/i;
const XML_DECLARATION = /^\s*<\?xml\s[^>]*\bencoding\s*=\s*["']([^"']+)["']/i;

/** The label one `<meta>` tag declares: its own `charset` attribute, or the charset in a Content-Type `content`. */
function metaCharset(tag: string): string | null {
  const content = CONTENT_ATTRIBUTE.exec(tag);
  const own = CHARSET.exec(content ? tag.replace(content[0], ' ') : tag);
  if (own?.[1]) return own[1];
  if (!content || !HTTP_EQUIV_CONTENT_TYPE.test(tag)) return null;
  return CHARSET.exec(content[1] ?? content[2] ?? content[3] ?? '')?.[1] ?? null;
}

/**
 * The encoding a page declares for itself in its first few kilobytes: `<meta charset=…>`,
 * `<meta http-equiv="Content-Type" content="text/html; charset=…">` or an XML declaration.
 * The head is read as Latin-1, which maps every byte to one character, so ASCII markup is found
 * whatever the real encoding. A declared UTF-16 is taken as UTF-8, as browsers do: bytes that
 * can be read as ASCII markup are not UTF-16.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const labels = [XML_DECLARATION.exec(head)?.[1], ...(head.match(META) ?? []).map(metaCharset)];
  for (const label of labels) {
    const encoding = label ? canonicalEncoding(label) : null;
    if (encoding !== null) return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  }
  return null;
}

/** Non-ASCII characters a file must hold for valid UTF-8 to outweigh a legacy declaration. */
const UTF8_OVER_DECLARATION_MIN = 8;

/**
 * The text when the bytes are valid UTF-8 with a fair number of non-ASCII characters, else null.
 * A page re-saved as UTF-8 often keeps its old `<meta charset=gb2312>`; legacy CJK or Latin text
 * that happens to be valid UTF-8 for that many characters practically never occurs, so such bytes
 * are UTF-8 whatever the page says (Firefox reads local files the same way).
 */
function asMultilingualUtf8(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let nonAscii = 0;
  for (const char of text) {
    if (char.charCodeAt(0) > 0x7f) nonAscii += 1;
    if (nonAscii >= UTF8_OVER_DECLARATION_MIN) return text;
  }
  return null;
}

/**
 * Decodes a captured file. A byte-order mark decides first; then, for an HTML page, the charset
 * it declares unless the bytes are plainly UTF-8 (see {@link asMultilingualUtf8}) (decoded as a browser would, so a stray invalid byte shows as U+FFFD); otherwise
 * the bytes must be valid UTF-8. Throws a `TypeError` when nothing fits, so the caller can refuse
 * the file instead of storing garbled text.
 */
export function decodeCapturedText(bytes: Uint8Array, options: { html: boolean }): DecodedText {
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, index) => bytes[index] === byte));
  if (bom) {
    const text = new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom.bytes.length));
    return { text, encoding: bom.encoding, decidedBy: 'byte-order mark' };
  }
  const declared = options.html ? declaredCharset(bytes) : null;
  if (declared !== null && declared !== 'utf-8') {
    const utf8 = asMultilingualUtf8(bytes);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8', decidedBy: 'valid UTF-8' };
    return { text: new TextDecoder(declared).decode(bytes), encoding: declared, decidedBy: 'declared in the page' };
  }
  return {
    text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
    encoding: 'utf-8',
    decidedBy: declared === 'utf-8' ? 'declared in the page' : 'valid UTF-8',
  };
}

const ENCODING_LABELS: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  gb18030: 'GB18030',
  gbk: 'GBK',
  big5: 'Big5',
  shift_jis: 'Shift_JIS',
  'euc-jp': 'EUC-JP',
  'iso-2022-jp': 'ISO-2022-JP',
  'euc-kr': 'EUC-KR',
  'windows-1252': 'Windows-1252',
  'windows-1251': 'Windows-1251',
  'windows-1256': 'Windows-1256',
  'koi8-r': 'KOI8-R',
};

/** How an encoding is named to the analyst ("Shift_JIS", "GB18030"). */
export function encodingLabel(encoding: string): string {
  return ENCODING_LABELS[encoding] ?? encoding.toUpperCase();
}
