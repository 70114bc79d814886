import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TAG_COLOURS, TagColourSchema, TagPathSchema, type Taggable } from '../../src/domain/tag';
import { failure, ids, LibraryFixture, sorted } from './helpers/library';

const lib = new LibraryFixture();

beforeEach(() => {
  lib.open();
});

afterEach(() => {
  lib.close();
});

function paths(): string[] {
  return lib.ws.tags.list().map((tag) => tag.path);
}

function tagOf(path: string) {
  const tag = lib.ws.tags.list().find((candidate) => candidate.path === path);
  if (!tag) throw new Error(`No tag ${path}`);
  return tag;
}

function sourceTagPaths(sourceId: string): string[] {
  return lib.ws.sources.get(sourceId).tags.map((tag) => tag.path);
}

function quoteTagPaths(quoteId: string): string[] {
  return lib.ws.quotes.get(quoteId).tags.map((tag) => tag.path);
}

function rename(id: string, path: string, color?: string) {
  return lib.ws.tags.rename(id, TagPathSchema.parse(path), color === undefined ? null : TagColourSchema.parse(color));
}

describe('creating tags', () => {
  it('normalises the path and gives each new tag a colour', () => {
    const nato = lib.tag(' Actor // NATO ');
    expect(nato).toMatchObject({ path: 'Actor/NATO', color: TAG_COLOURS[0], sourceCount: 0, quoteCount: 0 });
    expect(lib.tag('Topic/  Missile   defence ').path).toBe('Topic/Missile defence');
    expect(lib.tag('Region/Asia-Pacific', '#AABBCC').color).toBe('#AABBCC');
    expect(lib.tag('Region/Europe').color).toBe(TAG_COLOURS[3]);
    expect(paths()).toEqual(['Actor/NATO', 'Region/Asia-Pacific', 'Region/Europe', 'Topic/Missile defence']);
    expect(lib.ws.tags.get(nato.id)).toEqual(nato);
  });

  it('refuses empty paths and bad colours at the schema', () => {
    expect(TagPathSchema.safeParse(' / // ').success).toBe(false);
    expect(TagPathSchema.safeParse('').success).toBe(false);
    expect(TagColourSchema.safeParse('red').success).toBe(false);
  });

  it('refuses a duplicate path, ignoring case, with a field error', () => {
    lib.tag('Actor/NATO');
    for (const path of ['Actor/NATO', 'actor/nato', ' ACTOR / Nato ']) {
      const error = failure(() => lib.tag(path));
      expect(error.code).toBe('invalid_input');
      expect(error.details?.fields?.path).toBe('A tag with this name exists; merge into it instead.');
    }
    expect(paths()).toEqual(['Actor/NATO']);
  });

  it('refuses a duplicate path that differs only in the case of non-ASCII letters', () => {
    // Regression guard: tags.path is UNIQUE COLLATE NOCASE, which folds ASCII only, while isTagWithin() folds
    // all letters: "Région" and "RÉGION", or "Россия" and "РОССИЯ", become two tags.
    lib.tag('Région/Europe');
    lib.tag('Россия');
    expect(failure(() => lib.tag('RÉGION/Europe')).code).toBe('invalid_input');
    expect(failure(() => lib.tag('РОССИЯ')).code).toBe('invalid_input');
  });
});

describe('renaming tags', () => {
  it('renames a tag and its children follow, keeping links and colour; siblings with a shared prefix stay', () => {
    const nato = lib.tag('Actor/NATO', '#123456');
    const sg = lib.tag('Actor/NATO/Secretary General');
    const deputy = lib.tag('Actor/NATO/Secretary General/Deputy');
    lib.tag('Actor/NATO-Russia Council');
    const source = lib.source();
    lib.ws.tags.apply([sg.id], [{ kind: 'source', id: source.id }], false);

    const renamed = rename(nato.id, ' Organisation / NATO ');
    expect(renamed).toMatchObject({ id: nato.id, path: 'Organisation/NATO', color: '#123456' });
    expect(paths()).toEqual([
      'Actor/NATO-Russia Council',
      'Organisation/NATO',
      'Organisation/NATO/Secretary General',
      'Organisation/NATO/Secretary General/Deputy',
    ]);
    expect(tagOf('Organisation/NATO/Secretary General').id).toBe(sg.id);
    expect(tagOf('Organisation/NATO/Secretary General/Deputy').id).toBe(deputy.id);
    expect(sourceTagPaths(source.id)).toEqual(['Organisation/NATO/Secretary General']);
    expect(ids(lib.ws.sources.list({ filter: { tagId: nato.id }, sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items)).toEqual([
      source.id,
    ]);
  });

  it('recolours, and allows a change of case only', () => {
    const nato = lib.tag('Actor/nato');
    lib.tag('Actor/nato/SG');
    expect(rename(nato.id, 'Actor/NATO', '#abcdef')).toMatchObject({ path: 'Actor/NATO', color: '#abcdef' });
    expect(paths()).toEqual(['Actor/NATO', 'Actor/NATO/SG']);
  });

  it('refuses to rename into an existing path, ignoring case, and changes nothing', () => {
    const nato = lib.tag('Actor/NATO');
    lib.tag('Actor/NATO/SG');
    lib.tag('Organisation/NATO');
    const error = failure(() => rename(nato.id, 'organisation/nato'));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.path).toBe('A tag with this name exists; merge into it instead.');
    expect(paths()).toEqual(['Actor/NATO', 'Actor/NATO/SG', 'Organisation/NATO']);
  });

  it('refuses to move a tag inside itself', () => {
    const nato = lib.tag('Actor/NATO');
    const error = failure(() => rename(nato.id, 'Actor/NATO/Sub'));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.path).toBe('A tag cannot move inside itself.');
    expect(failure(() => rename(nato.id, 'actor/nato/sub/deeper')).code).toBe('invalid_input');
    expect(paths()).toEqual(['Actor/NATO']);
  });

  it('merges a moving child into an existing tag at its new path', () => {
    const old = lib.tag('Old');
    const oldChild = lib.tag('Old/Child');
    const newChild = lib.tag('New/Child');
    const source = lib.source();
    const both = lib.source({ title: 'Tagged with both' });
    lib.ws.tags.apply(
      [oldChild.id],
      [
        { kind: 'source', id: source.id },
        { kind: 'source', id: both.id },
      ],
      false,
    );
    lib.ws.tags.apply([newChild.id], [{ kind: 'source', id: both.id }], false);
    rename(old.id, 'New');
    expect(paths()).toEqual(['New', 'New/Child']);
    expect(tagOf('New/Child')).toMatchObject({ id: newChild.id, sourceCount: 2 });
    expect(sourceTagPaths(both.id)).toEqual(['New/Child']);
  });

  it('moves a grandchild named like its parent to the freed path when a tag moves up a level', () => {
    // Regression guard (rename): children move before the tag itself, so X/Y/Y's new
    // path "X/Y" still belongs to the tag being renamed and the child is merged into it.
    const xy = lib.tag('X/Y');
    const xyy = lib.tag('X/Y/Y');
    const source = lib.source();
    lib.ws.tags.apply([xyy.id], [{ kind: 'source', id: source.id }], false);
    rename(xy.id, 'X');
    expect(paths()).toEqual(['X', 'X/Y']);
    expect(sourceTagPaths(source.id)).toEqual(['X/Y']);
  });

  it('reports not_found for an unknown tag', () => {
    expect(failure(() => rename('no-such-tag', 'X')).code).toBe('not_found');
  });
});

describe('merging tags', () => {
  it('moves links without duplicates, re-parents children and merges clashing children', () => {
    const dprk = lib.tag('Actor/DPRK');
    const northKorea = lib.tag('Actor/North Korea');
    const dprkArmy = lib.tag('Actor/DPRK/Army');
    const dprkNavy = lib.tag('Actor/DPRK/Navy');
    const nkArmy = lib.tag('Actor/North Korea/Army');
    const onlyDprk = lib.source({ title: 'Only DPRK' });
    const bothTags = lib.source({ title: 'Both' });
    const army = lib.source({ title: 'Army' });
    const quote = lib.quote(bothTags.id);
    lib.ws.tags.apply(
      [dprk.id],
      [
        { kind: 'source', id: onlyDprk.id },
        { kind: 'source', id: bothTags.id },
        { kind: 'quote', id: quote.id },
      ],
      false,
    );
    lib.ws.tags.apply(
      [northKorea.id],
      [
        { kind: 'source', id: bothTags.id },
        { kind: 'quote', id: quote.id },
      ],
      false,
    );
    lib.ws.tags.apply([dprkArmy.id, nkArmy.id], [{ kind: 'source', id: army.id }], false);

    const merged = lib.ws.tags.merge(dprk.id, northKorea.id);
    expect(merged).toMatchObject({ id: northKorea.id, path: 'Actor/North Korea', sourceCount: 2, quoteCount: 1 });
    expect(paths()).toEqual(['Actor/North Korea', 'Actor/North Korea/Army', 'Actor/North Korea/Navy']);
    expect(tagOf('Actor/North Korea/Army').id).toBe(nkArmy.id);
    expect(tagOf('Actor/North Korea/Navy').id).toBe(dprkNavy.id);
    expect(sourceTagPaths(onlyDprk.id)).toEqual(['Actor/North Korea']);
    expect(sourceTagPaths(bothTags.id)).toEqual(['Actor/North Korea']);
    expect(quoteTagPaths(quote.id)).toEqual(['Actor/North Korea']);
    expect(sourceTagPaths(army.id)).toEqual(['Actor/North Korea/Army']);
    expect(failure(() => lib.ws.tags.get(dprk.id)).code).toBe('not_found');
    expect(failure(() => lib.ws.tags.get(dprkArmy.id)).code).toBe('not_found');
    const raw = lib.raw();
    expect(raw.prepare('SELECT count(*) FROM source_tags').pluck().get()).toBe(3);
    expect(raw.prepare('SELECT count(*) FROM quote_tags').pluck().get()).toBe(1);
  });

  it('merges a child into its parent, lifting the grandchildren', () => {
    const topic = lib.tag('Topic');
    const missiles = lib.tag('Topic/Missiles');
    lib.tag('Topic/Missiles/ICBM');
    const source = lib.source();
    lib.ws.tags.apply([missiles.id], [{ kind: 'source', id: source.id }], false);
    lib.ws.tags.merge(missiles.id, topic.id);
    expect(paths()).toEqual(['Topic', 'Topic/ICBM']);
    expect(sourceTagPaths(source.id)).toEqual(['Topic']);
  });

  it('keeps a grandchild named like its parent as a child when merging into the grandparent', () => {
    // Regression guard (merge): Topic/Nuclear/Nuclear moves to "Topic/Nuclear", which
    // is still the tag being merged, so it is folded into it and ends up as plain "Topic".
    const topic = lib.tag('Topic');
    const nuclear = lib.tag('Topic/Nuclear');
    const nested = lib.tag('Topic/Nuclear/Nuclear');
    const source = lib.source();
    lib.ws.tags.apply([nested.id], [{ kind: 'source', id: source.id }], false);
    lib.ws.tags.merge(nuclear.id, topic.id);
    expect(paths()).toEqual(['Topic', 'Topic/Nuclear']);
    expect(sourceTagPaths(source.id)).toEqual(['Topic/Nuclear']);
  });

  it('refuses to merge a tag into itself or into one of its own children', () => {
    const nato = lib.tag('Actor/NATO');
    const sg = lib.tag('Actor/NATO/SG');
    expect(failure(() => lib.ws.tags.merge(nato.id, nato.id)).code).toBe('invalid_input');
    expect(failure(() => lib.ws.tags.merge(nato.id, sg.id)).code).toBe('invalid_input');
    expect(failure(() => lib.ws.tags.merge(nato.id, 'no-such-tag')).code).toBe('not_found');
    expect(paths()).toEqual(['Actor/NATO', 'Actor/NATO/SG']);
  });
});

describe('usage, deletion and applying', () => {
  it('counts live items only, for the tag itself', () => {
    const tag = lib.tag('Topic/Sanctions');
    const child = lib.tag('Topic/Sanctions/Oil');
    const live = lib.source({ title: 'Live' });
    const trashed = lib.source({ title: 'Trashed' });
    const q1 = lib.quote(live.id);
    const q2 = lib.quote(live.id);
    const q3 = lib.quote(trashed.id);
    const items: Taggable[] = [
      { kind: 'source', id: live.id },
      { kind: 'source', id: trashed.id },
      { kind: 'quote', id: q1.id },
      { kind: 'quote', id: q2.id },
      { kind: 'quote', id: q3.id },
    ];
    lib.ws.tags.apply([tag.id], items, false);
    lib.ws.tags.apply([child.id], [{ kind: 'source', id: live.id }], false);
    expect(lib.ws.tags.usage(tag.id)).toEqual({ sources: 2, quotes: 3 });
    lib.ws.sources.trash(trashed.id);
    lib.ws.quotes.trash(q2.id);
    expect(lib.ws.tags.usage(tag.id)).toEqual({ sources: 1, quotes: 1 });
    expect(tagOf('Topic/Sanctions')).toMatchObject({ sourceCount: 1, quoteCount: 1 });
    expect(lib.ws.tags.usage(child.id)).toEqual({ sources: 1, quotes: 0 });
    lib.ws.trash.restore({ kind: 'source', id: trashed.id });
    expect(lib.ws.tags.usage(tag.id)).toEqual({ sources: 2, quotes: 2 });
    expect(failure(() => lib.ws.tags.usage('no-such-tag')).code).toBe('not_found');
  });

  it('deletes a tag: items lose it, child tags stay with their links', () => {
    const parent = lib.tag('Region/Asia-Pacific');
    const child = lib.tag('Region/Asia-Pacific/Japan');
    const source = lib.source();
    lib.ws.tags.apply([parent.id, child.id], [{ kind: 'source', id: source.id }], false);
    lib.ws.tags.delete(parent.id);
    expect(paths()).toEqual(['Region/Asia-Pacific/Japan']);
    expect(sourceTagPaths(source.id)).toEqual(['Region/Asia-Pacific/Japan']);
    expect(failure(() => lib.ws.tags.delete(parent.id)).code).toBe('not_found');
  });

  it('applies several tags to many sources and quotes at once, counting only new links, and removes them', () => {
    const a = lib.tag('A');
    const b = lib.tag('B');
    const sources = [lib.source({ title: 'S1' }), lib.source({ title: 'S2' })];
    const quotes = [lib.quote(sources[0]?.id ?? ''), lib.quote(sources[1]?.id ?? ''), lib.quote(sources[1]?.id ?? '')];
    const items: Taggable[] = [
      ...sources.map((s) => ({ kind: 'source' as const, id: s.id })),
      ...quotes.map((q) => ({ kind: 'quote' as const, id: q.id })),
    ];
    expect(lib.ws.tags.apply([a.id], items.slice(0, 1), false)).toBe(1);
    expect(lib.ws.tags.apply([a.id, b.id], items, false)).toBe(9);
    expect(lib.ws.tags.apply([a.id, b.id], items, false)).toBe(0);
    expect(lib.ws.tags.usage(a.id)).toEqual({ sources: 2, quotes: 3 });
    for (const quote of quotes) expect(quoteTagPaths(quote.id)).toEqual(['A', 'B']);
    expect(lib.ws.tags.apply([b.id], items, true)).toBe(5);
    expect(lib.ws.tags.apply([b.id], items, true)).toBe(0);
    expect(lib.ws.tags.usage(b.id)).toEqual({ sources: 0, quotes: 0 });
    expect(sorted(sources.flatMap((s) => sourceTagPaths(s.id)))).toEqual(['A', 'A']);
  });

  it('applies all or nothing: an unknown tag or a trashed item changes no link', () => {
    const a = lib.tag('A');
    const source = lib.source();
    const gone = lib.source({ title: 'Gone' });
    lib.ws.sources.trash(gone.id);
    expect(failure(() => lib.ws.tags.apply([a.id, 'no-such-tag'], [{ kind: 'source', id: source.id }], false)).code).toBe('not_found');
    expect(
      failure(() =>
        lib.ws.tags.apply(
          [a.id],
          [
            { kind: 'source', id: source.id },
            { kind: 'source', id: gone.id },
          ],
          false,
        ),
      ).code,
    ).toBe('not_found');
    expect(
      failure(() =>
        lib.ws.tags.apply(
          [a.id],
          [
            { kind: 'source', id: source.id },
            { kind: 'quote', id: 'no-such-quote' },
          ],
          false,
        ),
      ).code,
    ).toBe('not_found');
    expect(sourceTagPaths(source.id)).toEqual([]);
    expect(lib.ws.tags.usage(a.id)).toEqual({ sources: 0, quotes: 0 });
  });
});
