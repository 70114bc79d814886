import { describe, expect, it } from 'vitest';
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
