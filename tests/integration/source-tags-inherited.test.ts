import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceDraftSchema } from '../../src/domain/source';
import { failure, LibraryFixture } from './helpers/library';

const lib = new LibraryFixture();

beforeEach(() => {
  lib.open();
});

afterEach(() => {
  lib.close();
});

const draft = (title: string) => SourceDraftSchema.parse({ title, kind: 'speech' });

describe('a new source with its tags and derived-from links', () => {
  it('is created with both in one save, making tags that do not exist yet', () => {
    const speech = lib.source({ title: 'Speech at Keio University' });
    lib.tag('Actor/NATO');
    const report = lib.ws.createSource(draft('Kyodo report'), ['Actor/NATO', 'Topic/DPRK nuclear'], [speech.id]);
    expect(report.tags.map((tag) => tag.path)).toEqual(['Actor/NATO', 'Topic/DPRK nuclear']);
    expect(lib.ws.derivations.linksOf(report.id).derivedFrom.map((link) => link.id)).toEqual([speech.id]);
    expect(lib.ws.tags.list().map((tag) => tag.path)).toEqual(['Actor/NATO', 'Topic/DPRK nuclear']);
  });

  it('leaves nothing behind when a link cannot be made: no source, no new tag', () => {
    const speech = lib.source({ title: 'Speech' });
    lib.ws.sources.trash(speech.id);
    expect(failure(() => lib.ws.createSource(draft('Orphan report'), ['Topic/Orphaned'], [speech.id])).code).toBe('not_found');
    expect(lib.search('Orphan').sources.total).toBe(0);
    expect(lib.ws.sources.list({ limit: 10, offset: 0, sort: 'title', direction: 'asc' }).total).toBe(0);
    expect(lib.ws.tags.list()).toEqual([]);
  });
});

describe('quotes inherit their source’s tags for filtering', () => {
  it('finds the quotes of a tagged source by word and tag, and by a parent tag, but not of an untagged one', () => {
    const topic = lib.tag('Topic/DPRK nuclear');
    const tagged = lib.ws.createSource(draft('Speech at Keio University'), ['Topic/DPRK nuclear'], []);
    const untagged = lib.source({ title: 'Unrelated speech' });
    lib.quote(tagged.id, { text: 'We must keep up the pressure on Pyongyang.' });
    lib.quote(untagged.id, { text: 'Economic pressure on exporters grows.' });
    const directlyTagged = lib.quote(untagged.id, { text: 'Pressure works only with diplomacy.' });
    lib.ws.tags.apply([topic.id], [{ kind: 'quote', id: directlyTagged.id }], false);

    const found = lib.search('pressure', { tagId: topic.id }).quotes.items.map((hit) => hit.id);
    expect(found).toHaveLength(2);
    expect(found).toContain(directlyTagged.id);
    const parent = lib.tag('Topic');
    expect(lib.search('pressure', { tagId: parent.id }).quotes.total).toBe(2);
    expect(lib.ws.quotes.list({ tagId: topic.id, limit: 10, offset: 0 }).items.map((quote) => quote.text)).toContain(
      'We must keep up the pressure on Pyongyang.',
    );
  });
});
