import { describe, expect, it } from 'vitest';
import { cutMatches, normaliseCutText, paragraphAt } from '../../src/text/cut-passage';

describe('normaliseCutText', () => {
  it.each([
    ['single line breaks become spaces', 'we will continue\nto work together', 'we will continue to work together'],
    ['a word split at a line end is joined', 'the inter-\nnational order', 'the international order'],
    ['a hyphen before a capital stays, the break goes', 'the NATO-\nJapan partnership', 'the NATO-Japan partnership'],
    ['spaces around a break collapse into one', 'shared   \n  values', 'shared values'],
    ['a paragraph break stays one blank line', 'first.\n\n\nSecond', 'first.\n\nSecond'],
    ['text without breaks is untouched', 'Pressure is key.', 'Pressure is key.'],
    ['a hyphen before a paragraph break stays', 'list -\n\nnext', 'list -\n\nnext'],
  ])('%s', (_, cut, expected) => {
    expect(normaliseCutText(cut)).toBe(expected);
  });

  it('accepts the passage exactly or normalised, nothing else', () => {
    expect(cutMatches('a b', 'a\nb')).toBe(true);
    expect(cutMatches('a\nb', 'a\nb')).toBe(true);
    expect(cutMatches('a c', 'a\nb')).toBe(false);
  });
});

describe('paragraphAt', () => {
  const text = 'Page one first.\n\nPage one second.\n\nPage two first line\nwraps here.\n\nPage two second.';
  const pageTwo = text.indexOf('Page two');
  it('counts blank lines within the page the offset is on', () => {
    expect(paragraphAt(text, [0, pageTwo], text.indexOf('one second'))).toBe(2);
    expect(paragraphAt(text, [0, pageTwo], text.indexOf('wraps'))).toBe(1);
    expect(paragraphAt(text, [0, pageTwo], text.indexOf('two second'))).toBe(2);
  });
  it('is null on a page without paragraph breaks', () => {
    expect(paragraphAt('one line\nanother line', [0], 10)).toBeNull();
  });
  it('counts code points, as quote offsets do', () => {
    const astral = '𝐀 first.\n\nsecond.';
    expect(paragraphAt(astral, [0], [...astral.slice(0, astral.indexOf('second'))].length)).toBe(2);
  });
});
