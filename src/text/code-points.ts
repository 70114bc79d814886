/**
 * Quote offsets count Unicode code points, as SQLite's substr() does on text, so the store can
 * check a quote against its snapshot without loading the snapshot. Browsers and JavaScript
 * count UTF-16 units instead; these helpers convert at the edges. Text without astral
 * characters (the usual case) takes the fast path where both counts agree.
 */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Code-point offset of the UTF-16 position `utf16Offset` in `text`. */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  if (!SURROGATE.test(text)) return utf16Offset;
  let points = 0;
  for (let index = 0; index < utf16Offset && index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) index += 1;
    points += 1;
  }
  return points;
}

/** UTF-16 position of the code-point offset `pointOffset` in `text`. */
export function toUtf16Offset(text: string, pointOffset: number): number {
  if (!SURROGATE.test(text)) return Math.min(pointOffset, text.length);
  let index = 0;
  for (let points = 0; points < pointOffset && index < text.length; points += 1) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}

export function codePointLength(text: string): number {
  return toCodePointOffset(text, text.length);
}

/** The text between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return text.slice(toUtf16Offset(text, start), toUtf16Offset(text, end));
}
