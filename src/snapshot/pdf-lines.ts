/**
 * Turning pdf.js text items into lines of text in reading order.
 *
 * pdf.js gives each run of text in the order the PDF draws it, with the run itself already in
 * logical order (its own bidi pass) and marked right-to-left or not. Many producers draw an
 * Arabic line word by word from left to right, so the words arrive in visual order: read as they
 * come, "انواع الخطوط العربية" becomes "العربية الخطوط انواع" and no search for the phrase can
 * match. So a line holding right-to-left runs is put back into visual order by position and then
 * read the way the Unicode bidi algorithm reads levels: in a right-to-left line the runs are taken
 * from right to left, except that a stretch of left-to-right runs (a Latin name, a number) keeps
 * its own order; in a left-to-right line only stretches of right-to-left runs are reversed.
 * Lines with no right-to-left run are left exactly as drawn.
 *
 * Arabic and Hebrew presentation forms (the shaped glyph codes some fonts map to, U+FB1D–U+FDFF
 * and U+FE70–U+FEFF) become the ordinary letters by NFKC, so they match what an analyst types.
 * Nothing else is compatibility-normalised: ligatures like "ﬁ" and full-width forms keep the
 * code points they were stored with before.
 */

/** One pdf.js text item: its text, whether a line ends after it, baseline y, height, x. */
export type PdfTextItem = readonly [str: string, hasEOL: boolean, y: number, height: number, x: number];

const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_LTR = /[\p{L}]/u;

type Direction = 'rtl' | 'ltr' | 'neutral';

/** By the characters themselves: pdf.js also marks a lone bracket inside Arabic as right-to-left. */
function directionOf([str]: PdfTextItem): Direction {
  if (STRONG_RTL.test(str)) return 'rtl';
  return STRONG_LTR.test(str) || /\d/.test(str) ? 'ltr' : 'neutral';
}

/** Reverses, in place, each maximal stretch of `kind` items (with the neutrals between them). */
function reverseStretches(items: PdfTextItem[], directions: Direction[], kind: Direction): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  let index = 0;
  while (index < items.length) {
    if (directions[index] !== kind) {
      out.push(items[index] as PdfTextItem);
      index += 1;
      continue;
    }
    let end = index;
    for (let next = index + 1; next < items.length; next += 1) {
      if (directions[next] === kind) end = next;
      else if (directions[next] !== 'neutral') break;
    }
    out.push(...items.slice(index, end + 1).reverse());
    index = end + 1;
  }
  return out;
}

/** The items of one line in logical (reading) order. */
export function logicalOrder(line: readonly PdfTextItem[]): PdfTextItem[] {
  const directions = line.map(directionOf);
  if (!directions.includes('rtl')) return [...line];
  const visual = [...line].sort((a, b) => a[4] - b[4]);
  const visualDirections = visual.map(directionOf);
  const length = (kind: Direction): number =>
    visual.reduce((sum, item, index) => (visualDirections[index] === kind ? sum + item[0].length : sum), 0);
  if (length('rtl') >= length('ltr')) {
    const reversed = visual.reverse();
    return reverseStretches(reversed, reversed.map(directionOf), 'ltr');
  }
  return reverseStretches(visual, visualDirections, 'rtl');
}

/** Arabic and Hebrew presentation forms as ordinary letters (NFKC, those ranges only). */
export function normalisePresentationForms(text: string): string {
  return text.replace(/[\uFB1D-\uFDFF\uFE70-\uFEFF]+/g, (forms) => forms.normalize('NFKC'));
}

/** Control characters other than tab are not text (line breaks come from the layout). */
export function stripControls(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code >= 0x20 && code !== 0x7f) || code === 0x09) out += char;
  }
  return out;
}

/**
 * One page's text: items in pdf.js order, a new line where pdf.js marks the end of a line or
 * where the baseline moves by more than half the text height; each line in logical order;
 * trailing spaces trimmed, at most one blank line in a row, presentation forms normalised, NFC.
 */
export function pageText(items: readonly PdfTextItem[]): string {
  const lines: PdfTextItem[][] = [];
  let line: PdfTextItem[] = [];
  let lastY: number | null = null;
  for (const item of items) {
    const [str, hasEOL, y, height] = item;
    if (lastY !== null && line.some(([text]) => stripControls(text) !== '') && Math.abs(y - lastY) > Math.max(1, height / 2)) {
      lines.push(line);
      line = [];
    }
    line.push(item);
    if (str !== '' || hasEOL) lastY = y;
    if (hasEOL) {
      lines.push(line);
      line = [];
    }
  }
  if (line.length > 0) lines.push(line);
  return normalisePresentationForms(
    lines
      .map((items) =>
        stripControls(
          logicalOrder(items)
            .map(([str]) => str)
            .join(''),
        ).replace(/\s+$/, ''),
      )
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, ''),
  ).normalize('NFC');
}
