import { describe, expect, it } from 'vitest';
import { pageText, type PdfTextItem } from '../../src/snapshot/pdf-lines';
import { locateItems, regionInPoints, selectionInPage } from '../../src/snapshot/pdf-selection';
import type { OcrWord } from '../../src/snapshot/ocr';
import { spanOfWordSelection } from '../../src/snapshot/ocr-selection';
import { sliceCodePoints } from '../../src/text/code-points';

/** Items as Chromium's PDFs give them: one per line, a space item with an end of line after each. */
const lines = (...texts: string[]): PdfTextItem[] =>
  texts.flatMap((text, index): PdfTextItem[] => [
    [text, false, 700 - index * 20, 12, 72],
    ['', true, 700 - index * 20, 0, 300],
  ]);
const strings = (items: readonly PdfTextItem[]): string[] => items.map(([str]) => str);

describe('locating text-layer items in the stored page text', () => {
  it('finds each line where the host put it, and skips items with no text', () => {
    const items = lines('Page two of the fixture.', 'Pack my box with five dozen liquor jugs.');
    const text = pageText(items);
    expect(locateItems(text, strings(items))).toEqual([0, null, 25, null]);
  });

  it('finds the words of a right-to-left line that the host reordered', () => {
    const items: PdfTextItem[] = [
      ['اﻟﻌﺮﺑﻴﺔ', false, 700, 12, 160],
      [' ', false, 700, 12, 278],
      ['ﺍﻟﺨﻄﻮط', false, 700, 12, 288],
      [' ', false, 700, 12, 409],
      ['اﻧﻮاع', false, 700, 12, 420],
    ];
    const text = pageText(items);
    const starts = locateItems(text, strings(items));
    expect(text.slice(starts[0] ?? -1, (starts[0] ?? 0) + 'العربية'.length)).toBe('العربية');
    expect(starts[4]).toBe(0);
  });
});

describe('a selection on the page as a span of the page text', () => {
  const items = lines('Page two of the fixture.', 'Pack my box with five dozen liquor jugs.', 'Pack my box again.');
  const text = pageText(items);

  it('maps a selection inside one line exactly', () => {
    const span = selectionInPage({
      pageText: text,
      items: strings(items),
      start: { item: 2, offset: 5 },
      end: { item: 2, offset: 11 },
      selected: 'my box',
    });
    expect(span && text.slice(span.start, span.end)).toBe('my box');
    expect(span?.start).toBe(text.indexOf('my box'));
  });

  it('maps a selection across lines, trimming the line break and space at its ends', () => {
    const span = selectionInPage({
      pageText: text,
      items: strings(items),
      start: { item: 0, offset: 16 },
      end: { item: 2, offset: 4 },
      selected: 'fixture.\nPack ',
    });
    expect(span && text.slice(span.start, span.end)).toBe('fixture.\nPack');
  });

  it('falls back to searching the selected characters, nearest the mapped place, when the map disagrees', () => {
    // The DOM points say "Pack my box" on the first such line, but the browser selected the second one's.
    const span = selectionInPage({
      pageText: text,
      items: strings(items),
      start: { item: 4, offset: 0 },
      end: { item: 3, offset: 0 },
      selected: 'Pack my box again',
    });
    expect(span && text.slice(span.start, span.end)).toBe('Pack my box again');
  });

  it('picks the occurrence nearest to where the selection started when the phrase repeats', () => {
    const span = selectionInPage({
      pageText: text,
      items: strings(items),
      start: { item: 4, offset: 0 },
      end: null,
      selected: 'Pack my box',
    });
    expect(span?.start).toBe(text.lastIndexOf('Pack my box'));
  });

  it('says null when the selected characters are not on the page', () => {
    expect(selectionInPage({ pageText: text, items: strings(items), start: null, end: null, selected: 'not on this page' })).toBeNull();
  });
});

describe('the region of a selection in PDF points', () => {
  it('is the bounding box of the rectangles, from the page’s top left, rounded outwards', () => {
    const rects = [
      { left: 110, top: 220, right: 300, bottom: 240 },
      { left: 100, top: 245, right: 200.5, bottom: 265 },
      { left: 5, top: 5, right: 5, bottom: 5 },
    ];
    expect(regionInPoints(rects, { left: 100, top: 200 }, 1.5)).toEqual({ x: 0, y: 13, w: 134, h: 31 });
  });

  it('is null for a selection with nothing drawn', () => {
    expect(regionInPoints([], { left: 0, top: 0 }, 1)).toBeNull();
  });
});

describe('a selection over an image’s OCR words as a span of its text', () => {
  const text = 'Japan is a\nnatural partner 😀 too';
  const word = (content: string, from: number): OcrWord => {
    const start = Array.from(text.slice(0, text.indexOf(content, from))).length;
    return { start, end: start + Array.from(content).length, region: { x: start * 10, y: 0, w: 9, h: 12 } };
  };
  const words = [word('Japan', 0), word('is', 0), word('a', 6), word('natural', 0), word('partner', 0), word('😀', 0), word('too', 0)];

  it('runs from the start word to the end word, with the line break the text holds between them', () => {
    const span = spanOfWordSelection(text, words, { item: 2, offset: 0 }, { item: 4, offset: 7 });
    expect(span && sliceCodePoints(text, span.start, span.end)).toBe('a\nnatural partner');
  });

  it('counts in code points after an astral character, and drops whitespace at the ends', () => {
    const span = spanOfWordSelection(text, words, { item: 4, offset: 7 }, { item: 6, offset: 3 });
    expect(span && sliceCodePoints(text, span.start, span.end)).toBe('😀 too');
  });

  it('is null for an unknown word or an empty selection', () => {
    expect(spanOfWordSelection(text, words, { item: 9, offset: 0 }, { item: 1, offset: 1 })).toBeNull();
    expect(spanOfWordSelection(text, words, { item: 1, offset: 2 }, { item: 2, offset: 0 })).toBeNull();
  });
});
