import { describe, expect, it } from 'vitest';
import { diffLines } from '../../src/briefing/diff';
import { plainTextState, salvageText } from '../../src/briefing/template';

describe('diffLines', () => {
  it('marks removed and added lines between common ones', () => {
    expect(diffLines('Summary\nold line\nKey Judgements', 'Summary\nnew line\nextra\nKey Judgements')).toEqual([
      { op: 'same', lines: ['Summary'] },
      { op: 'added', lines: ['new line', 'extra'] },
      { op: 'removed', lines: ['old line'] },
      { op: 'same', lines: ['Key Judgements'] },
    ]);
  });

  it('returns one same part for identical text', () => {
    expect(diffLines('a\nb', 'a\nb')).toEqual([{ op: 'same', lines: ['a', 'b'] }]);
  });
});

describe('recovery helpers', () => {
  it('salvages the text fields of a damaged body and rebuilds paragraphs from them', () => {
    const damaged =
      '{"root":{"children":[{"type":"paragraph","children":[{"type":"text","text":"Pyongyang \\"tested\\" again"}]},{"type":"mystery","text":"second';
    expect(salvageText(damaged)).toBe('Pyongyang "tested" again');
    const rebuilt = JSON.parse(plainTextState('one\ntwo')) as { root: { children: { children: { text: string }[] }[] } };
    expect(rebuilt.root.children.map((p) => p.children[0]?.text)).toEqual(['one', 'two']);
  });
});
