import { describe, expect, it } from 'vitest';
import { newQuoteValues } from '../../renderer/library/quote-form-state';

const speech = { author: 'Jens Stoltenberg', publisher: 'NATO', publishedDate: '2017-10-31' };
const text = 'Page one.\n\nNATO allies stand in solidarity and will con-\ntinue to work with\npartners.\n\nLast paragraph.';
const pdf = { text, pageOffsets: [0, text.indexOf('NATO allies')] };
const cut = 'NATO allies stand in solidarity and will con-\ntinue to work with\npartners.';
const at = text.indexOf(cut);

describe('a new quote’s defaults', () => {
  it('takes the speaker from the author, else the publisher, and the date said from the published date', () => {
    expect(newQuoteValues(speech, null, null)).toMatchObject({ speaker: 'Jens Stoltenberg', dateSaid: '2017-10-31', text: '' });
    expect(newQuoteValues({ author: ' ', publisher: 'Ministry of Defence', publishedDate: null }, null, null)).toMatchObject({
      speaker: 'Ministry of Defence',
      dateSaid: '',
    });
  });

  it('reads a cut passage with its line breaks joined, with its page and paragraph', () => {
    const values = newQuoteValues(speech, { text: cut, span: { start: at, end: at + cut.length } }, pdf);
    expect(values).toMatchObject({
      text: 'NATO allies stand in solidarity and will continue to work with partners.',
      page: '2',
      paragraph: '1',
    });
  });

  it('starts the credibility from the source’s latest quote', () => {
    const quotes = [
      { credibility: '2' as const, createdAt: '2026-01-01T00:00:02.000Z' },
      { credibility: '4' as const, createdAt: '2026-01-01T00:00:03.000Z' },
      { credibility: null, createdAt: '2026-01-01T00:00:01.000Z' },
    ];
    expect(newQuoteValues(speech, null, null, quotes).credibility).toBe('4');
    expect(newQuoteValues(speech, null, null, []).credibility).toBe('');
  });
});
