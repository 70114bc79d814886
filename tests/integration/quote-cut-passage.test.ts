import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain/source';
import { normaliseCutText } from '../../src/text/cut-passage';
import { sliceCodePoints } from '../../src/text/code-points';
import { failure, LibraryFixture, spanOf } from './helpers/library';

const lib = new LibraryFixture();
let source: Source;
// As a PDF's text reads: every printed line ends in a break, one word split by a hyphen, an emoji before it.
const pages = [
  'Page one 😀 title.',
  'NATO allies stand in solidarity and will con-\ntinue to work with\npartners in the region.\n\nSecond paragraph.',
];
const text = pages.join('\n\n');
const passage = 'NATO allies stand in solidarity and will con-\ntinue to work with\npartners in the region.';

beforeEach(() => {
  lib.open();
  source = lib.source({ title: 'Joint press conference', kind: 'speech' });
  lib.snapshot(source.id, text, {
    fileName: 'capture.pdf',
    mediaType: 'application/pdf',
    pageOffsets: [0, [...(pages[0] ?? '')].length + 2],
  });
});

afterEach(() => {
  lib.close();
});

describe('a quote cut across line breaks', () => {
  it('is stored with its line breaks normalised, verified, and its offsets still slice the exact snapshot text', () => {
    const span = spanOf(text, passage);
    const quote = lib.quote(source.id, { text: normaliseCutText(passage), span });
    expect(quote.text).toBe('NATO allies stand in solidarity and will continue to work with partners in the region.');
    expect(quote).toMatchObject({ span, page: 2, integrity: 'verified' });
    expect(sliceCodePoints(lib.ws.snapshots.text(source.id).text, span.start, span.end)).toBe(passage);
    expect(lib.ws.quotes.get(quote.id).integrity).toBe('verified');
  });

  it('still refuses a changed word, and stores nothing', () => {
    const error = failure(() =>
      lib.quote(source.id, {
        text: 'NATO allies stand in solidarity and will continue to work with partners in Europe.',
        span: spanOf(text, passage),
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(lib.ws.quotes.list({ sourceId: source.id, limit: 10, offset: 0 }).total).toBe(0);
  });
});
