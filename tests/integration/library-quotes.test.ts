import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExportModel } from '../../main/export/build-model';
import { CREDIBILITY_GRADES } from '../../src/domain/admiralty';
import { BodySaveSchema } from '../../src/domain/briefing';
import { type Quote, QuoteDraftSchema, type QuoteDraftInput } from '../../src/domain/quote';
import { type Source, SourceDraftSchema } from '../../src/domain/source';
import { failure, ids, LibraryFixture, spanOf } from './helpers/library';

const lib = new LibraryFixture();
let source: Source;

beforeEach(() => {
  lib.open();
  source = lib.source({ title: 'Press conference with the Prime Minister', kind: 'speech', reliability: 'B' });
});

afterEach(() => {
  lib.close();
});

function edit(quote: Quote, changes: Partial<QuoteDraftInput>): Quote {
  return lib.ws.quotes.update(quote.id, QuoteDraftSchema.parse({ ...quote, ...changes }));
}

function quotesOf(sourceId: string): string[] {
  return lib.ws.quotes.list({ sourceId, limit: 100, offset: 0 }).items.map((quote) => quote.text);
}

describe('typed quotes', () => {
  it('stores every field and reads it back unanchored, with the source title and grade', () => {
    const quote = lib.quote(source.id, {
      text: 'North Korea is a global threat and needs a global response.',
      page: 3,
      paragraph: '12',
      timestamp: '00:14:32',
      speaker: 'Jens Stoltenberg',
      dateSaid: '2017-10-31',
      credibility: '2',
      verbatim: false,
      note: 'Repeated in Seoul.',
    });
    expect(quote).toMatchObject({
      sourceId: source.id,
      sourceTitle: source.title,
      sourceReliability: 'B',
      text: 'North Korea is a global threat and needs a global response.',
      span: null,
      page: 3,
      paragraph: '12',
      timestamp: '00:14:32',
      speaker: 'Jens Stoltenberg',
      dateSaid: '2017-10-31',
      credibility: '2',
      verbatim: false,
      note: 'Repeated in Seoul.',
      tags: [],
      integrity: 'unanchored',
    });
    expect(quote.createdAt).toBe(quote.updatedAt);
    expect(lib.ws.quotes.get(quote.id)).toEqual(quote);
  });

  it('refuses a quote for a trashed or unknown source', () => {
    lib.ws.sources.trash(source.id);
    expect(failure(() => lib.quote(source.id)).code).toBe('not_found');
    expect(failure(() => lib.quote('no-such-source')).code).toBe('not_found');
  });

  it('refuses a span when the source has no snapshot, with a field error', () => {
    const error = failure(() => lib.quote(source.id, { text: 'Some text', span: { start: 0, end: 9 } }));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.span).toBe('There is no snapshot to select from.');
  });
});

describe('quotes selected in the snapshot', () => {
  const transcript = 'Intro 😀 then the quote here, and 𠮷野家 after it.';

  beforeEach(() => {
    lib.snapshot(source.id, transcript);
  });

  it('counts offsets in code points, so an astral character before the quote moves it by one', () => {
    const quote = lib.quote(source.id, { text: 'the quote', span: { start: 13, end: 22 } });
    expect(quote).toMatchObject({ span: { start: 13, end: 22 }, integrity: 'verified' });
    expect(spanOf(transcript, 'the quote')).toEqual({ start: 13, end: 22 });
    // UTF-16 offsets (14..23) are one off after the emoji and do not match.
    const utf16Start = transcript.indexOf('the quote');
    expect(utf16Start).toBe(14);
    const error = failure(() => lib.quote(source.id, { text: 'the quote', span: { start: utf16Start, end: utf16Start + 9 } }));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.text).toBe('A quote selected in the snapshot must be exactly the selected text.');
  });

  it('verifies quotes that contain astral characters themselves', () => {
    const quote = lib.selectedQuote(source.id, '𠮷野家 after');
    expect(quote.span).toEqual({ start: 33, end: 42 });
    expect(quote.integrity).toBe('verified');
  });

  it('refuses text that differs from the snapshot at the span, with a field error, and stores nothing', () => {
    const error = failure(() => lib.quote(source.id, { text: 'the quota', span: { start: 13, end: 22 } }));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.text).toBe('A quote selected in the snapshot must be exactly the selected text.');
    expect(failure(() => lib.quote(source.id, { text: 'the quote ', span: { start: 13, end: 22 } })).code).toBe('invalid_input');
    expect(lib.ws.quotes.list({ sourceId: source.id, limit: 10, offset: 0 }).total).toBe(0);
  });

  it('refuses a span beyond the end of the snapshot, with a field error', () => {
    const length = [...transcript].length;
    const error = failure(() => lib.quote(source.id, { text: 'it.x', span: { start: length - 3, end: length + 1 } }));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.span).toBe('The selection lies outside the snapshot.');
    expect(lib.quote(source.id, { text: 'it.', span: { start: length - 3, end: length } }).integrity).toBe('verified');
  });

  it('refuses a draft span that is empty or reversed at the schema', () => {
    expect(QuoteDraftSchema.safeParse({ sourceId: source.id, text: 'x', span: { start: 5, end: 5 } }).success).toBe(false);
    expect(QuoteDraftSchema.safeParse({ sourceId: source.id, text: 'x', span: { start: 6, end: 5 } }).success).toBe(false);
    expect(QuoteDraftSchema.safeParse({ sourceId: source.id, text: 'x', span: { start: -1, end: 5 } }).success).toBe(false);
  });

  it('reports a mismatch when the stored quote text is tampered with, and verified again when put back', () => {
    const quote = lib.selectedQuote(source.id, 'the quote here');
    const raw = lib.raw();
    raw.prepare('UPDATE quotes SET text = ? WHERE id = ?').run('the quote there', quote.id);
    expect(lib.ws.quotes.get(quote.id)).toMatchObject({ text: 'the quote there', integrity: 'mismatch' });
    expect(lib.ws.quotes.list({ sourceId: source.id, limit: 10, offset: 0 }).items[0]?.integrity).toBe('mismatch');
    raw.prepare('UPDATE quotes SET text = ? WHERE id = ?').run('the quote here', quote.id);
    expect(lib.ws.quotes.get(quote.id).integrity).toBe('verified');
    raw.prepare('UPDATE quotes SET start_offset = start_offset + 1, end_offset = end_offset + 1 WHERE id = ?').run(quote.id);
    expect(lib.ws.quotes.get(quote.id).integrity).toBe('mismatch');
  });

  it('re-checks the span on update and keeps a quote selected from the snapshot verified', () => {
    const quote = lib.selectedQuote(source.id, 'the quote');
    const graded = edit(quote, { credibility: '1', note: 'Checked against the video.' });
    expect(graded).toMatchObject({
      credibility: '1',
      note: 'Checked against the video.',
      integrity: 'verified',
      createdAt: quote.createdAt,
    });
    expect(graded.updatedAt > quote.updatedAt).toBe(true);
    const error = failure(() => edit(quote, { text: 'the quote, edited' }));
    expect(error.details?.fields?.text).toBe('A quote selected in the snapshot must be exactly the selected text.');
    expect(lib.ws.quotes.get(quote.id).text).toBe('the quote');
    // Dropping the span turns it into a typed quote, which may then say anything.
    expect(edit(quote, { text: 'the quote, edited', span: null }).integrity).toBe('unanchored');
  });

  it('lists the quotes of a source in text order, typed ones last', () => {
    lib.quote(source.id, { text: 'Typed first' });
    lib.selectedQuote(source.id, 'after it');
    lib.selectedQuote(source.id, 'Intro');
    lib.selectedQuote(source.id, 'then the quote');
    lib.quote(source.id, { text: 'Typed second' });
    const page = lib.ws.quotes.list({ sourceId: source.id, limit: 100, offset: 0 });
    expect(page.total).toBe(5);
    expect(page.items.map((quote) => quote.text)).toEqual(['Intro', 'then the quote', 'after it', 'Typed first', 'Typed second']);
    expect(lib.ws.quotes.list({ sourceId: source.id, limit: 2, offset: 1 }).items.map((quote) => quote.text)).toEqual([
      'then the quote',
      'after it',
    ]);
  });
});

describe('pages of PDF snapshots', () => {
  it('derives the page from the page starts, counting astral characters as one', () => {
    const text = 'Page one 😀😀 text.\fSecond page opens here.\f𝒳 Third page, last line.';
    lib.ws.snapshots.attach(source.id, {
      fileName: 'c.pdf',
      mediaType: 'application/pdf',
      bytes: new Uint8Array([37, 80, 68, 70]),
      text,
      pageOffsets: [0, text.indexOf('Second'), text.indexOf('𝒳')],
    });
    expect(lib.selectedQuote(source.id, 'Page one', { page: 9 }).page).toBe(1);
    expect(lib.selectedQuote(source.id, 'Second page', { page: 9 }).page).toBe(2);
    expect(lib.selectedQuote(source.id, 'opens here').page).toBe(2);
    expect(lib.selectedQuote(source.id, '𝒳 Third').page).toBe(3);
    expect(lib.selectedQuote(source.id, 'last line').page).toBe(3);
    // A quote typed by hand keeps the page the analyst gave.
    expect(lib.quote(source.id, { text: 'Typed', page: 2 }).page).toBe(2);
  });

  it('keeps the region a quote was selected in on the page, through an edit and into the export, and refuses a region with negative or fractional points', () => {
    const text = 'First page.\n\nSecond page, with the phrase.';
    lib.ws.snapshots.attach(source.id, {
      fileName: 'r.pdf',
      mediaType: 'application/pdf',
      bytes: new Uint8Array([37, 80, 68, 70]),
      text,
      pageOffsets: [0, text.indexOf('Second')],
    });
    const region = { x: 72, y: 90, w: 140, h: 16 };
    const quote = lib.selectedQuote(source.id, 'the phrase', { region });
    expect(lib.ws.quotes.get(quote.id)).toMatchObject({ page: 2, region });
    const edited = lib.ws.quotes.update(quote.id, QuoteDraftSchema.parse({ ...quote, note: 'Checked', region }), quote.version);
    expect(edited).toMatchObject({ note: 'Checked', region });
    expect(lib.selectedQuote(source.id, 'First page').region).toBeNull();
    const briefing = lib.ws.briefings.create({
      title: 'Region note',
      typeId: lib.ws.productTypes.list()[0]?.id ?? '',
      author: '',
      marking: '',
      date: null,
    });
    const root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'citation', targetKind: 'quote', targetId: quote.id }] }],
    };
    lib.ws.briefings.saveBody(BodySaveSchema.parse({ id: briefing.id, body: JSON.stringify({ root }), bodyText: '', wordCount: 0 }));
    expect(buildExportModel(lib.ws, briefing.id, () => []).model.quotes[0]?.location).toBe(
      'p. 2, region 72,90,140,16 pt from the page’s top left',
    );
    expect(QuoteDraftSchema.safeParse({ sourceId: source.id, text: 'x', region: { x: -1, y: 0, w: 1, h: 1 } }).success).toBe(false);
    expect(QuoteDraftSchema.safeParse({ sourceId: source.id, text: 'x', region: { x: 0.5, y: 0, w: 1, h: 1 } }).success).toBe(false);
  });

  it('keeps the given page for text snapshots, which have no page starts', () => {
    lib.snapshot(source.id, 'Plain text transcript.');
    expect(lib.selectedQuote(source.id, 'Plain text', { page: 4 }).page).toBe(4);
    expect(lib.selectedQuote(source.id, 'transcript').page).toBeNull();
  });
});

describe('grades', () => {
  it('stores each credibility grade from 1 to 6, and null for ungraded', () => {
    for (const grade of CREDIBILITY_GRADES) expect(lib.quote(source.id, { credibility: grade }).credibility).toBe(grade);
    expect(lib.quote(source.id).credibility).toBeNull();
    expect(QuoteDraftSchema.safeParse({ sourceId: source.id, text: 'x', credibility: '7' }).success).toBe(false);
    expect(QuoteDraftSchema.safeParse({ sourceId: source.id, text: 'x', credibility: 2 }).success).toBe(false);
    expect(QuoteDraftSchema.safeParse({ sourceId: source.id, text: 'x', credibility: 'A' }).success).toBe(false);
  });

  it('shows the current reliability of the source on its quotes', () => {
    const quote = lib.quote(source.id, { credibility: '3' });
    lib.ws.sources.update(source.id, SourceDraftSchema.parse({ ...lib.ws.sources.get(source.id), reliability: 'E' }));
    expect(lib.ws.quotes.get(quote.id)).toMatchObject({ sourceReliability: 'E', credibility: '3' });
  });
});

describe('ownership', () => {
  it('refuses to move a quote to another source', () => {
    const other = lib.source({ title: 'Other source' });
    const quote = lib.quote(source.id);
    const error = failure(() => edit(quote, { sourceId: other.id }));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.sourceId).toBe('A quote cannot move to another source.');
    expect(lib.ws.quotes.get(quote.id).sourceId).toBe(source.id);
    expect(quotesOf(other.id)).toEqual([]);
  });
});

describe('tags on quotes', () => {
  it('lists quotes by tag, including tags below it, newest first', () => {
    const region = lib.tag('Region/Asia-Pacific');
    const japan = lib.tag('Region/Asia-Pacific/Japan');
    const other = lib.tag('Region/Europe');
    const a = lib.quote(source.id, { text: 'About Japan' });
    const b = lib.quote(source.id, { text: 'About the region' });
    const c = lib.quote(source.id, { text: 'About Europe' });
    lib.ws.tags.apply([japan.id], [{ kind: 'quote', id: a.id }], false);
    lib.ws.tags.apply([region.id], [{ kind: 'quote', id: b.id }], false);
    lib.ws.tags.apply([other.id], [{ kind: 'quote', id: c.id }], false);
    const byRegion = lib.ws.quotes.list({ tagId: region.id, limit: 10, offset: 0 });
    expect(byRegion.total).toBe(2);
    expect(ids(byRegion.items)).toEqual([b.id, a.id]);
    expect(ids(lib.ws.quotes.list({ tagId: japan.id, limit: 10, offset: 0 }).items)).toEqual([a.id]);
    expect(lib.ws.quotes.get(a.id).tags).toEqual([{ id: japan.id, path: 'Region/Asia-Pacific/Japan', color: japan.color }]);
    expect(ids(lib.ws.quotes.list({ sourceId: source.id, tagId: other.id, limit: 10, offset: 0 }).items)).toEqual([c.id]);
  });
});

describe('quotes in the trash', () => {
  it('trashes a quote on its own, lists it with its source, and restores it unchanged', () => {
    const keep = lib.quote(source.id, { text: 'Keep me' });
    const quote = lib.quote(source.id, { text: 'Trash me', credibility: '4' });
    const deletedAt = lib.ws.quotes.trash(quote.id);
    expect(quotesOf(source.id)).toEqual(['Keep me']);
    expect(failure(() => lib.ws.quotes.get(quote.id)).code).toBe('not_found');
    expect(failure(() => lib.ws.quotes.trash(quote.id)).code).toBe('not_found');
    expect(failure(() => edit(quote, { note: 'x' })).code).toBe('not_found');
    expect(lib.ws.trash.list()).toEqual([{ kind: 'quote', id: quote.id, label: 'Trash me', detail: `from ${source.title}`, deletedAt }]);
    lib.ws.trash.restore({ kind: 'quote', id: quote.id });
    expect(lib.ws.quotes.get(quote.id)).toEqual(quote);
    expect(lib.ws.quotes.get(keep.id)).toEqual(keep);
    expect(lib.ws.trash.list()).toEqual([]);
  });

  it('hides the quotes of a trashed source, brings them back with it, and refuses to restore one alone', () => {
    const live = lib.quote(source.id, { text: 'Live quote' });
    const trashedFirst = lib.quote(source.id, { text: 'Trashed before the source' });
    lib.ws.quotes.trash(trashedFirst.id);
    lib.ws.sources.trash(source.id);

    expect(failure(() => lib.ws.quotes.get(live.id)).code).toBe('not_found');
    expect(lib.ws.quotes.list({ limit: 10, offset: 0 }).total).toBe(0);
    expect(lib.ws.trash.list().map((item) => [item.kind, item.id, item.detail])).toEqual([['source', source.id, 'with 1 quote']]);
    expect(lib.search('quote').quotes.total).toBe(0);

    const error = failure(() => lib.ws.trash.restore({ kind: 'quote', id: trashedFirst.id }));
    expect(error.code).toBe('invalid_input');
    expect(failure(() => lib.ws.trash.restore({ kind: 'quote', id: live.id })).code).toBe('invalid_input');

    lib.ws.trash.restore({ kind: 'source', id: source.id });
    expect(quotesOf(source.id)).toEqual(['Live quote']);
    expect(lib.ws.trash.list().map((item) => item.id)).toEqual([trashedFirst.id]);
    lib.ws.trash.restore({ kind: 'quote', id: trashedFirst.id });
    expect(quotesOf(source.id)).toEqual(['Live quote', 'Trashed before the source']);
  });

  it('empties the trash for good: quotes trashed alone and with their source, and their index entries', () => {
    const other = lib.source({ title: 'Second source' });
    const alone = lib.quote(source.id, { text: 'Zeitenwende alone' });
    const withSource = lib.quote(other.id, { text: 'Zeitenwende with its source' });
    const survivor = lib.quote(source.id, { text: 'Zeitenwende survivor' });
    expect(lib.search('Zeitenwende').quotes.total).toBe(3);
    lib.ws.quotes.trash(alone.id);
    lib.ws.sources.trash(other.id);

    expect(lib.ws.trash.empty()).toBe(2);
    expect(lib.ws.trash.list()).toEqual([]);
    const raw = lib.raw();
    expect(raw.prepare('SELECT id FROM quotes').pluck().all()).toEqual([survivor.id]);
    expect(raw.prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'zeitenwende'").pluck().get()).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'second'").pluck().get()).toBe(0);
    expect(ids(lib.search('Zeitenwende').quotes.items)).toEqual([survivor.id]);
    expect(failure(() => lib.ws.quotes.get(withSource.id)).code).toBe('not_found');
    expect(failure(() => lib.ws.trash.restore({ kind: 'quote', id: alone.id })).code).toBe('not_found');
    expect(failure(() => lib.ws.trash.restore({ kind: 'source', id: other.id })).code).toBe('not_found');
  });
});
