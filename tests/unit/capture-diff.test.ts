import { describe, expect, it } from 'vitest';
import { diffCaptureWords } from '../../src/snapshot/capture-diff';

describe('diffCaptureWords', () => {
  it('marks the words that changed inside a paragraph, keeping the rest', () => {
    expect(
      diffCaptureWords('Title\nThe launch was a grave provocation.\nFooter', 'Title\nThe launch was a serious concern.\nFooter'),
    ).toEqual([
      { op: 'same', text: 'Title\nThe launch was a ' },
      { op: 'removed', text: 'grave provocation.' },
      { op: 'added', text: 'serious concern.' },
      { op: 'same', text: '\nFooter' },
    ]);
  });

  it('gives back each text from its parts: the older without the added, the newer without the removed', () => {
    const before = 'Updated 09:00\nOne two three.\n\nFour five six.\nRemoved paragraph.';
    const after = 'Updated 10:30\nOne two three.\n\nFour five seven six.';
    const parts = diffCaptureWords(before, after);
    expect(
      parts
        .filter((part) => part.op !== 'added')
        .map((part) => part.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((part) => part.op !== 'removed')
        .map((part) => part.text)
        .join(''),
    ).toBe(after);
    expect(diffCaptureWords('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
  });
});
