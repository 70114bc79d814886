import { describe, expect, it } from 'vitest';
import { logicalOrder, normalisePresentationForms, pageText, type PdfTextItem } from '../../src/snapshot/pdf-lines';

/** An item on the baseline y = 700 at `x`. */
const item = (str: string, x: number): PdfTextItem => [str, false, 700, 12, x];
const text = (items: readonly PdfTextItem[]): string => items.map(([str]) => str).join('');

describe('right-to-left lines', () => {
  it('reads an Arabic line drawn word by word from left to right in reading order, presentation forms normalised', () => {
    // As ArabicCIDTrueType.pdf gives it: "انواع الخطوط العربية" with each word in presentation forms, leftmost word first.
    const line = [item('اﻟﻌﺮﺑﻴﺔ', 160), item(' ', 278), item('ﺍﻟﺨﻄﻮط', 288), item(' ', 409), item('اﻧﻮاع', 420)];
    expect(pageText(line)).toBe('انواع الخطوط العربية');
  });

  it('keeps a Hebrew line drawn in reading order, with its numbers left to right', () => {
    // As issue11656.pdf gives it: runs in reading order, x decreasing, digits as left-to-right runs.
    const line = [item('לחיוב לפי סעיף', 382), item('15', 366), item('(ב)(', 347), item('4', 340), item(') לחוק', 236)];
    expect(text(logicalOrder(line))).toBe('לחיוב לפי סעיף15(ב)(4) לחוק');
  });

  it('keeps a Latin name inside an Arabic line in its own order', () => {
    // Drawn right to left: العربية rightmost, then "Reuters News" (itself left to right), then وكالة leftmost.
    const line = [
      item('العربية', 300),
      item(' ', 290),
      item('Reuters', 150),
      item(' ', 190),
      item('News', 200),
      item(' ', 140),
      item('وكالة', 50),
    ];
    expect(text(logicalOrder(line))).toBe('العربية Reuters News وكالة');
  });

  it('reverses only the Arabic stretch of a mostly English line', () => {
    const line = [item('The phrase ', 10), item('العربية', 100), item(' ', 150), item('الخطوط', 160), item(' means Arabic fonts', 220)];
    expect(text(logicalOrder(line))).toBe('The phrase الخطوط العربية means Arabic fonts');
  });

  it('leaves lines without right-to-left text exactly as drawn, compatibility forms included', () => {
    const line = [item('ﬁnal', 300), item(' draft ', 10), item('ＡＢＣ', 100)];
    expect(text(logicalOrder(line))).toBe('ﬁnal draft ＡＢＣ');
    expect(pageText(line)).toBe('ﬁnal draft ＡＢＣ');
  });

  it('normalises Arabic and Hebrew presentation forms only', () => {
    expect(normalisePresentationForms('ﻻ ﺑ ﬠ ﬁ ①')).toBe('لا ب ע ﬁ ①');
  });
});
