import { describe, expect, it } from 'vitest';
import { ocrRegionText, pageListText, regionOfSpan, type OcrWord } from '../../src/snapshot/ocr';

const word = (start: number, end: number, x: number, y: number, page?: number): OcrWord => ({
  start,
  end,
  region: { x, y, w: 10, h: 5 },
  ...(page === undefined ? {} : { page }),
});

describe('where a quote cut from OCR text stands', () => {
  it('covers the words a span touches in an image, with no page', () => {
    const words = [word(0, 4, 0, 0), word(5, 9, 20, 0), word(10, 14, 0, 10)];
    expect(regionOfSpan(words, { start: 2, end: 7 })).toEqual({ x: 0, y: 0, w: 30, h: 5 });
    expect(regionOfSpan(words, { start: 20, end: 30 })).toBeNull();
    expect(ocrRegionText({ x: 0, y: 0, w: 30, h: 5 })).toBe('OCR, region 0,0,30,5 of the image');
  });

  it('on a scanned PDF, keeps the page, and takes the first page of a span running over a page break', () => {
    const words = [word(0, 4, 50, 60, 1), word(5, 9, 70, 60, 1), word(11, 15, 5, 5, 2)];
    const place = regionOfSpan(words, { start: 5, end: 15 });
    expect(place).toEqual({ x: 70, y: 60, w: 10, h: 5, page: 1 });
    expect(regionOfSpan(words, { start: 11, end: 13 })).toEqual({ x: 5, y: 5, w: 10, h: 5, page: 2 });
    expect(ocrRegionText({ x: 70, y: 60, w: 10, h: 5, page: 1 })).toBe('OCR, page 1, region 70,60,10,5');
  });

  it('lists the pages read with OCR as a reader writes them', () => {
    expect(pageListText([1])).toBe('1');
    expect(pageListText([3, 1])).toBe('1, 3');
    expect(pageListText([1, 2, 3, 5, 7, 8, 9, 10])).toBe('1–3, 5, 7–10');
    expect(pageListText([2, 3])).toBe('2, 3');
  });
});
