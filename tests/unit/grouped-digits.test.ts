import { describe, expect, it } from 'vitest';
import { countNoun } from '../../src/text/count-noun';
import { groupedDigits } from '../../src/text/grouped-digits';

describe('groupedDigits', () => {
  it('writes whole numbers exactly as toLocaleString("en") does', () => {
    for (const value of [0, 7, 999, 1_000, 12_345, 200_000, 1_000_000, 2 ** 31, -1_500, Number.MAX_SAFE_INTEGER])
      expect(groupedDigits(value)).toBe(value.toLocaleString('en'));
  });

  it('leaves fractions and huge numbers to the locale formatter', () => {
    expect(groupedDigits(1234.5)).toBe((1234.5).toLocaleString('en'));
    expect(groupedDigits(1e21)).toBe((1e21).toLocaleString('en'));
  });
});

describe('countNoun', () => {
  it('puts the noun in the number the count needs, the count grouped', () => {
    expect(countNoun(1, 'source', 'sources')).toBe('1 source');
    expect(countNoun(0, 'quote', 'quotes')).toBe('0 quotes');
    expect(countNoun(2, 'entry', 'entries')).toBe('2 entries');
    expect(countNoun(1204, 'quote', 'quotes')).toBe('1,204 quotes');
  });
});
