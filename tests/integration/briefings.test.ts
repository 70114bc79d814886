import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BodySaveSchema,
  BriefingListQuerySchema,
  BriefingMetaSchema,
  type Briefing,
  type BriefingMetaInput,
} from '../../src/domain/briefing';
import { countSerialized, type SerializedCountNode } from '../../src/briefing/word-count';
import { failure, LibraryFixture } from './helpers/library';

const lib = new LibraryFixture();

beforeEach(() => {
  lib.open();
});

afterEach(() => {
  lib.close();
});

function create(title = 'NATO Secretary General in Tokyo', typeId = 'briefing'): Briefing {
  return lib.ws.briefings.create({ title, typeId, author: 'A. Analyst', marking: 'TLP:CLEAR', date: '2017-11-01' });
}

function meta(briefing: Briefing, changes: Partial<BriefingMetaInput> = {}) {
  return BriefingMetaSchema.parse({ ...briefing, tagIds: briefing.tags.map((tag) => tag.id), ...changes });
}

function bodyWith(text: string): { body: string; bodyText: string; wordCount: number } {
  const root = {
    type: 'root',
    children: [
      {
        type: 'section',
        sectionId: 's1',
        role: 'body',
        cap: null,
        children: [
          { type: 'heading', children: [{ type: 'text', text: 'Summary' }] },
          { type: 'paragraph', children: [{ type: 'text', text }] },
        ],
      },
    ],
  };
  return { body: JSON.stringify({ root }), bodyText: `Summary\n${text}\n`, wordCount: countSerialized(root as SerializedCountNode).total };
}

describe('product types', () => {
  it('ships Briefing, Assessment and In-depth analysis as data, and users can add types', () => {
    const types = lib.ws.productTypes.list();
    expect(types.map((type) => [type.name, type.wordLimit])).toEqual([
      ['Assessment', 3000],
      ['Briefing', 1100],
      ['In-depth analysis', null],
    ]);
    const briefing = types.find((type) => type.id === 'briefing');
    expect(briefing?.sections.map((section) => section.heading)).toEqual(['Summary', 'Background', 'Analysis', 'Key Judgements']);
    expect(briefing?.sections.at(-1)?.cap).toBe(150);

    const added = lib.ws.productTypes.create({ name: 'Spot report', wordLimit: 300, sections: [{ heading: 'What happened', cap: null }] });
    expect(added).toMatchObject({ name: 'Spot report', wordLimit: 300, builtIn: false });
    expect(failure(() => lib.ws.productTypes.create({ name: 'spot REPORT', wordLimit: null, sections: [] })).message).toBe(
      'A product type with that name exists.',
    );
  });
});

describe('briefings', () => {
  it('starts from its template with structural sections and the defaults given', () => {
    const briefing = create();
    expect(briefing).toMatchObject({
      status: 'draft',
      typeName: 'Briefing',
      wordLimit: 1100,
      author: 'A. Analyst',
      marking: 'TLP:CLEAR',
      wordCount: 0,
      version: 1,
    });
    const state = JSON.parse(briefing.body) as { root: SerializedCountNode };
    const sections = state.root.children ?? [];
    expect(sections.map((section) => [section.type, section.sectionId, section.cap])).toEqual([
      ['section', 's1', null],
      ['section', 's2', null],
      ['section', 's3', null],
      ['section', 's4', 150],
    ]);
  });

  it('saves the body as given, one version further each time, and keeps it across reopening', () => {
    const briefing = create();
    const first = lib.ws.briefings.saveBody(
      BodySaveSchema.parse({ id: briefing.id, ...bodyWith('Stoltenberg urged pressure on Pyongyang.') }),
    );
    expect(first.version).toBe(2);
    const second = lib.ws.briefings.saveBody(
      BodySaveSchema.parse({ id: briefing.id, ...bodyWith('Stoltenberg urged maximum pressure on Pyongyang.') }),
    );
    expect(second.version).toBe(3);
    lib.reopen();
    const read = lib.ws.briefings.get(briefing.id);
    expect(read.bodyText).toContain('maximum pressure');
    expect(read.wordCount).toBe(6);
    expect(read.body).toBe(bodyWith('Stoltenberg urged maximum pressure on Pyongyang.').body);
  });

  it('lists with sorting, filters and title search', () => {
    const a = create('Alpha');
    create('Bravo', 'assessment');
    lib.ws.briefings.updateMeta(a.id, meta(a, { status: 'final' }));
    const titles = (query: object) => lib.ws.briefings.list(BriefingListQuerySchema.parse(query)).map((row) => row.title);
    expect(titles({ sort: 'title', direction: 'asc' })).toEqual(['Alpha', 'Bravo']);
    expect(titles({ status: 'final' })).toEqual(['Alpha']);
    expect(titles({ typeId: 'assessment' })).toEqual(['Bravo']);
    expect(titles({ text: 'brav' })).toEqual(['Bravo']);
  });

  it('keeps a revision on status change, named revisions on demand, and restores as a new revision', () => {
    const briefing = create();
    lib.ws.briefings.saveBody(BodySaveSchema.parse({ id: briefing.id, ...bodyWith('First draft text.') }));
    const named = lib.ws.revisions.snapshot(briefing.id, 'Sent to desk');
    lib.ws.briefings.saveBody(BodySaveSchema.parse({ id: briefing.id, ...bodyWith('Second draft text.') }));
    lib.ws.briefings.updateMeta(briefing.id, meta(lib.ws.briefings.get(briefing.id), { status: 'in_review' }));
    const kinds = lib.ws.revisions.list(briefing.id).map((revision) => revision.kind);
    expect(kinds).toEqual(['status', 'named', 'auto']);

    lib.ws.revisions.restore(named.id);
    expect(lib.ws.briefings.get(briefing.id).bodyText).toContain('First draft text.');
    const after = lib.ws.revisions.list(briefing.id);
    expect(after[0]).toMatchObject({ kind: 'restore' });
    expect(lib.ws.revisions.get(after[1]?.id ?? '').bodyText).toContain('Second draft text.');
  });

  it('is found by title and text in its own search group, and leaves it when trashed', () => {
    const briefing = create('Missile defence outlook');
    lib.ws.briefings.saveBody(BodySaveSchema.parse({ id: briefing.id, ...bodyWith('Aegis Ashore deployment debated in Tokyo.') }));
    expect(lib.ws.briefingSearch.search('aegis', 10).items.map((hit) => hit.title)).toEqual(['Missile defence outlook']);
    expect(lib.ws.briefingSearch.search('outlook', 10).total).toBe(1);
    lib.ws.briefings.trash(briefing.id);
    expect(lib.ws.briefingSearch.search('aegis', 10).total).toBe(0);
    expect(lib.ws.trash.list().map((item) => item.kind)).toEqual(['briefing']);
    lib.ws.trash.restore({ kind: 'briefing', id: briefing.id });
    expect(lib.ws.briefingSearch.search('aegis', 10).total).toBe(1);
  });

  it('indexes autosaves before the next search, not inside the save, and finds restored text', () => {
    const briefing = create('Index lag');
    lib.ws.briefings.saveBody(BodySaveSchema.parse({ id: briefing.id, ...bodyWith('Aegis Ashore first draft.') }));
    lib.ws.revisions.snapshot(briefing.id, 'Aegis draft');
    lib.ws.briefings.saveBody(BodySaveSchema.parse({ id: briefing.id, ...bodyWith('Typhoon deployment second draft.') }));
    expect(lib.ws.briefingSearch.search('typhoon', 10).total).toBe(1);
    expect(lib.ws.briefingSearch.search('aegis', 10).total).toBe(0);
    expect(lib.ws.briefings.indexPending()).toBe(0);
    const named = lib.ws.revisions.list(briefing.id).find((revision) => revision.name === 'Aegis draft');
    lib.ws.revisions.restore(named?.id ?? '');
    expect(lib.ws.briefingSearch.search('aegis', 10).total).toBe(1);
    expect(lib.ws.briefingSearch.search('typhoon', 10).total).toBe(0);
    lib.ws.briefings.saveBody(BodySaveSchema.parse({ id: briefing.id, ...bodyWith('Third draft.') }));
    expect(lib.ws.briefings.indexPending()).toBe(1);
  });

  it('resolves citations: a trashed quote is broken until it is restored', () => {
    const source = lib.source({ title: 'Keio speech', reliability: 'B' });
    const quote = lib.quote(source.id, { text: 'A global threat needs a global response.', credibility: '2' });
    const resolve = () =>
      lib.ws.citations.resolve([
        { kind: 'quote', id: quote.id },
        { kind: 'source', id: source.id },
        { kind: 'quote', id: 'gone' },
      ]);
    expect(resolve().map((target) => [target.state, target.grade])).toEqual([
      ['live', 'B2'],
      ['live', 'B'],
      ['missing', ''],
    ]);
    lib.ws.quotes.trash(quote.id);
    expect(resolve()[0]?.state).toBe('trashed');
    lib.ws.trash.restore({ kind: 'quote', id: quote.id });
    expect(resolve()[0]?.state).toBe('live');
  });

  it('stores images as bytes inside the workspace and refuses what is not an image', () => {
    const briefing = create();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const { imageId, mediaType } = lib.ws.images.add(briefing.id, png);
    expect(mediaType).toBe('image/png');
    expect(Array.from(lib.ws.images.get(imageId).bytes)).toEqual(Array.from(png));
    expect(failure(() => lib.ws.images.add(briefing.id, new TextEncoder().encode('<svg onload=alert(1)>'))).message).toBe(
      'That file is not a PNG, JPEG, GIF or WebP image.',
    );
  });
});
