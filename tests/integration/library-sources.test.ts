import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WARRANT_APPLICATION_ID } from '../../db/open-workspace';
import { applyMigrations, knownMigrations, MIGRATIONS_TABLE } from '../../db/migrations';
import { Workspace } from '../../db/workspace';
import { QuoteDraftSchema } from '../../src/domain/quote';
import { type Source, type SourceFilter, type SourceSortKey } from '../../src/domain/source';
import { type Tag } from '../../src/domain/tag';
import { FEW_TAGGED } from '../../db/repositories/sources';
import { ids, LibraryFixture } from './helpers/library';

const lib = new LibraryFixture();

beforeEach(() => {
  lib.open();
});

afterEach(() => {
  lib.close();
});

function listed(filter: SourceFilter, sort: SourceSortKey = 'title', direction: 'asc' | 'desc' = 'asc'): string[] {
  return lib.ws.sources.list({ filter, sort, direction, limit: 100, offset: 0 }).items.map((source) => source.title);
}

describe('library list filters', () => {
  let nato: Tag;
  let secretaryGeneral: Tag;
  let natoRussia: Tag;
  let japan: Tag;
  let speech: Source;
  let report: Source;
  let statement: Source;
  let post: Source;
  let background: Source;
  let followUp: Source;

  beforeEach(() => {
    nato = lib.tag('Actor/NATO');
    secretaryGeneral = lib.tag('Actor/NATO/Secretary General');
    natoRussia = lib.tag('Actor/NATO-Russia Council');
    japan = lib.tag('Actor/Japan');
    speech = lib.source({ title: 'Speech at Keio University', kind: 'speech', reliability: 'A', publishedDate: '2017-10-31' });
    report = lib.source({ title: 'Kyodo report', kind: 'news_report', reliability: 'C', publishedDate: '2017-10' });
    statement = lib.source({ title: 'MOFA statement', kind: 'official_statement', reliability: null, publishedDate: '2017' });
    post = lib.source({ title: 'Tweet by the spokesperson', kind: 'social_media_post', reliability: 'E', publishedDate: '2017-11-02' });
    background = lib.source({ title: 'Background document', kind: 'document', reliability: null, publishedDate: null });
    followUp = lib.source({ title: 'Follow-up report', kind: 'news_report', reliability: 'B', publishedDate: '2018-01' });
    lib.ws.tags.apply([secretaryGeneral.id], [{ kind: 'source', id: speech.id }], false);
    lib.ws.tags.apply([nato.id], [{ kind: 'source', id: report.id }], false);
    lib.ws.tags.apply([japan.id], [{ kind: 'source', id: statement.id }], false);
    lib.ws.tags.apply([natoRussia.id], [{ kind: 'source', id: post.id }], false);
  });

  it('filters by one or several kinds', () => {
    expect(listed({ kinds: ['news_report'] })).toEqual(['Follow-up report', 'Kyodo report']);
    expect(listed({ kinds: ['speech', 'official_statement'] })).toEqual(['MOFA statement', 'Speech at Keio University']);
    expect(listed({ kinds: [] })).toHaveLength(6);
  });

  it("filters by reliability, with 'ungraded' standing for sources without a grade", () => {
    expect(listed({ reliability: ['ungraded'] })).toEqual(['Background document', 'MOFA statement']);
    expect(listed({ reliability: ['A', 'ungraded'] })).toEqual(['Background document', 'MOFA statement', 'Speech at Keio University']);
    expect(listed({ reliability: ['B', 'C'] })).toEqual(['Follow-up report', 'Kyodo report']);
    expect(listed({ reliability: ['F'] })).toEqual([]);
  });

  it('filters by a tag including the tags below it, but not siblings sharing a prefix', () => {
    expect(listed({ tagId: nato.id })).toEqual(['Kyodo report', 'Speech at Keio University']);
    expect(listed({ tagId: secretaryGeneral.id })).toEqual(['Speech at Keio University']);
    expect(listed({ tagId: natoRussia.id })).toEqual(['Tweet by the spokesperson']);
    const actor = lib.ws.tags.list().find((tag) => tag.path === 'Actor');
    expect(actor).toBeUndefined();
    const root = lib.tag('Actor');
    expect(listed({ tagId: root.id })).toHaveLength(4);
  });

  it('treats LIKE wildcards in tag paths literally', () => {
    const underscore = lib.tag('Topic/A_B');
    const lookalike = lib.tag('Topic/AxB/Child');
    const percent = lib.tag('Topic/100%');
    const other = lib.tag('Topic/1000/Child');
    lib.ws.tags.apply([lookalike.id], [{ kind: 'source', id: background.id }], false);
    lib.ws.tags.apply([other.id], [{ kind: 'source', id: followUp.id }], false);
    expect(listed({ tagId: underscore.id })).toEqual([]);
    expect(listed({ tagId: percent.id })).toEqual([]);
  });

  it('filters by published date with partial dates on both sides', () => {
    expect(listed({ publishedFrom: '2017-10' })).toEqual([
      'Follow-up report',
      'Kyodo report',
      'Speech at Keio University',
      'Tweet by the spokesperson',
    ]);
    // The upper bound takes the whole period it names.
    expect(listed({ publishedTo: '2017-10' })).toEqual(['Kyodo report', 'MOFA statement', 'Speech at Keio University']);
    expect(listed({ publishedTo: '2017' })).toEqual([
      'Kyodo report',
      'MOFA statement',
      'Speech at Keio University',
      'Tweet by the spokesperson',
    ]);
    expect(listed({ publishedFrom: '2017-10-31', publishedTo: '2017-11' })).toEqual([
      'Speech at Keio University',
      'Tweet by the spokesperson',
    ]);
    expect(listed({ publishedFrom: '2017-11-03', publishedTo: '2017-12-31' })).toEqual([]);
    // Undated sources never match a date filter.
    expect(listed({ publishedFrom: '1900' })).not.toContain('Background document');
  });

  it('combines filters with AND and counts the total', () => {
    const page = lib.ws.sources.list({
      filter: { kinds: ['news_report', 'speech'], reliability: ['A', 'C'], tagId: nato.id },
      sort: 'title',
      direction: 'asc',
      limit: 1,
      offset: 0,
    });
    expect(page.total).toBe(2);
    expect(page.items.map((source) => source.title)).toEqual(['Kyodo report']);
    expect(listed({ kinds: ['news_report'], reliability: ['B'], publishedFrom: '2018' })).toEqual(['Follow-up report']);
    expect(listed({ kinds: ['news_report'], tagId: japan.id })).toEqual([]);
  });

  it('excludes trashed sources from every filter', () => {
    lib.ws.sources.trash(report.id);
    expect(listed({ tagId: nato.id })).toEqual(['Speech at Keio University']);
    expect(listed({ kinds: ['news_report'] })).toEqual(['Follow-up report']);
    expect(lib.ws.sources.list({ filter: { reliability: ['C'] }, sort: 'title', direction: 'asc', limit: 10, offset: 0 }).total).toBe(0);
  });

  it('lists and counts a tag on many sources the same way as one on few, trash excluded', () => {
    const raw = lib.raw();
    const insert = raw.prepare("INSERT INTO sources (id, title, created_at, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z', ?)");
    const link = raw.prepare('INSERT INTO source_tags (source_id, tag_id) VALUES (?, ?)');
    raw.transaction(() => {
      for (let i = 0; i < FEW_TAGGED + 10; i += 1) {
        insert.run(`bulk-${i}`, `Bulk ${String(i).padStart(5, '0')}`, `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`);
        // Half on the parent tag, half on a tag below it: the subtree counts both, each source once.
        link.run(`bulk-${i}`, i % 2 === 0 ? nato.id : secretaryGeneral.id);
        // Every third carries both, and must still count once.
        if (i % 3 === 0) link.run(`bulk-${i}`, i % 2 === 0 ? secretaryGeneral.id : nato.id);
      }
      raw.prepare("UPDATE sources SET deleted_at = '2026-02-01T00:00:00.000Z' WHERE id IN ('bulk-0', 'bulk-1', 'bulk-2')").run();
    })();
    const page = lib.ws.sources.list({ filter: { tagId: nato.id }, sort: 'title', direction: 'asc', limit: 3, offset: 0 });
    // Speech (Secretary General), Kyodo (NATO) and every bulk source but the three in the trash.
    expect(page.total).toBe(2 + FEW_TAGGED + 10 - 3);
    expect(page.items.map((source) => source.title)).toEqual(['Bulk 00003', 'Bulk 00004', 'Bulk 00005']);
    const combined = lib.ws.sources.list({
      filter: { tagId: nato.id, kinds: ['speech'] },
      sort: 'title',
      direction: 'asc',
      limit: 10,
      offset: 0,
    });
    expect(combined).toMatchObject({ total: 1, items: [{ title: 'Speech at Keio University' }] });
  });

  it('keeps sorting correct under a filter, ungraded and undated last both ways', () => {
    // Ties (both ungraded) follow creation order, reversed with the direction.
    expect(listed({ kinds: ['news_report', 'document', 'official_statement'] }, 'reliability', 'asc')).toEqual([
      'Follow-up report',
      'Kyodo report',
      'MOFA statement',
      'Background document',
    ]);
    expect(listed({ kinds: ['news_report', 'document', 'official_statement'] }, 'reliability', 'desc')).toEqual([
      'Kyodo report',
      'Follow-up report',
      'Background document',
      'MOFA statement',
    ]);
    expect(listed({ reliability: ['ungraded', 'A', 'C'] }, 'published', 'asc')).toEqual([
      'MOFA statement',
      'Kyodo report',
      'Speech at Keio University',
      'Background document',
    ]);
    expect(listed({ reliability: ['ungraded', 'A', 'C'] }, 'published', 'desc')).toEqual([
      'Speech at Keio University',
      'Kyodo report',
      'MOFA statement',
      'Background document',
    ]);
    expect(listed({}, 'updated', 'desc')).toEqual([
      'Follow-up report',
      'Background document',
      'Tweet by the spokesperson',
      'MOFA statement',
      'Kyodo report',
      'Speech at Keio University',
    ]);
  });

  it('shows tags (sorted by path) and whether there is a snapshot on list items', () => {
    lib.ws.tags.apply([japan.id, nato.id], [{ kind: 'source', id: speech.id }], false);
    lib.snapshot(speech.id, 'Speech text');
    const items = lib.ws.sources.list({ filter: {}, sort: 'title', direction: 'asc', limit: 100, offset: 0 }).items;
    const listedSpeech = items.find((item) => item.id === speech.id);
    expect(listedSpeech?.tags.map((tag) => tag.path)).toEqual(['Actor/Japan', 'Actor/NATO', 'Actor/NATO/Secretary General']);
    expect(listedSpeech?.tags[0]).toEqual({ id: japan.id, path: 'Actor/Japan', color: japan.color });
    expect(listedSpeech?.hasSnapshot).toBe(true);
    const listedBackground = items.find((item) => item.id === background.id);
    expect(listedBackground).toMatchObject({ tags: [], hasSnapshot: false });
    expect(lib.ws.sources.get(speech.id)).toEqual(listedSpeech);
  });
});

describe('stable keys', () => {
  it('keeps ids, order and keys across a reopen', () => {
    const created = ['One', 'Two', 'Three'].map((title) => lib.source({ title }));
    const before = lib.raw().prepare('SELECT num, id FROM sources ORDER BY num').all();
    lib.reopen();
    expect(ids(lib.ws.sources.list({ sort: 'updated', direction: 'asc', limit: 10, offset: 0 }).items)).toEqual(ids(created));
    for (const source of created) expect(lib.ws.sources.get(source.id)).toEqual(source);
    expect(lib.raw().prepare('SELECT num, id FROM sources ORDER BY num').all()).toEqual(before);
  });

  it('keeps the search index pointing at the right sources and quotes after purging and VACUUM', () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
    const sources = words.map((word) => lib.source({ title: `Report ${word}` }));
    const quotes = sources.map((source, index) => lib.quote(source.id, { text: `Quote about ${words[index] ?? ''}quote` }));
    lib.ws.sources.trash(sources[1]?.id ?? '');
    lib.ws.quotes.trash(quotes[2]?.id ?? '');
    lib.ws.trash.empty();
    lib.shut();
    const db = new Database(lib.path);
    db.exec('VACUUM');
    db.close();
    lib.reopen();
    expect(ids(lib.search('delta').sources.items)).toEqual([sources[3]?.id]);
    expect(ids(lib.search('echoquote').quotes.items)).toEqual([quotes[4]?.id]);
    expect(lib.search('bravo').sources.total).toBe(0);
    expect(lib.search('charliequote').quotes.total).toBe(0);
  });
});

/** A workspace file as the first schema left it: two live sources (one with a CJK title) and one in the trash. */
function firstSchemaWorkspace(): string {
  lib.shut();
  const path = lib.path.replace(/\.warrant$/, '-v1.warrant');
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${WARRANT_APPLICATION_ID}`);
    applyMigrations(db, [knownMigrations()[0]?.id ?? '']);
    const insert = db.prepare(
      `INSERT INTO sources (id, title, kind, url, author, publisher, published_date, accessed_date, language, reliability, notes, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, NULL, ?, '', ?, NULL, 'en', ?, ?, ?, ?, ?)`,
    );
    insert.run(
      'id-b',
      'Second source: Stoltenberg in Seoul',
      'speech',
      'Jens Stoltenberg',
      '2017-11-01',
      'B',
      'notes here',
      '2025-01-02T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
      null,
    );
    insert.run(
      'id-a',
      '防衛省の発表',
      'official_statement',
      '',
      '2017-10-30',
      null,
      '',
      '2025-01-01T00:00:00.000Z',
      '2025-01-03T00:00:00.000Z',
      null,
    );
    insert.run(
      'id-c',
      'Trashed source',
      'other',
      '',
      null,
      'F',
      '',
      '2025-01-03T00:00:00.000Z',
      '2025-01-03T00:00:00.000Z',
      '2025-01-04T00:00:00.000Z',
    );
  } finally {
    db.close();
  }
  return path;
}

describe('migration from the first schema', () => {
  it('the library migration itself keeps every source row, keyed in creation order, leaving indexing to the first open', () => {
    const path = firstSchemaWorkspace();
    const db = new Database(path);
    try {
      applyMigrations(
        db,
        knownMigrations()
          .slice(1)
          .map((migration) => migration.id),
      );
      expect(db.prepare('SELECT id, title, reliability, deleted_at IS NOT NULL AS trashed FROM sources ORDER BY num').all()).toEqual([
        { id: 'id-a', title: '防衛省の発表', reliability: null, trashed: 0 },
        { id: 'id-b', title: 'Second source: Stoltenberg in Seoul', reliability: 'B', trashed: 0 },
        { id: 'id-c', title: 'Trashed source', reliability: 'F', trashed: 1 },
      ]);
      // Indexing needs the application's text handling, so the first open builds the indexes.
      expect(db.prepare('SELECT count(*) FROM sources_fts').pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM index_state WHERE name = 'search'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('opens a first-schema workspace that has sources: ids, grades and trash kept, words and CJK searchable', () => {
    const path = firstSchemaWorkspace();
    const workspace = Workspace.open(path);
    try {
      const page = workspace.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 });
      expect(page.total).toBe(2);
      expect(
        page.items.map((source) => [
          source.id,
          source.title,
          source.reliability,
          source.author,
          source.publishedDate,
          source.tags,
          source.hasSnapshot,
        ]),
      ).toEqual([
        ['id-b', 'Second source: Stoltenberg in Seoul', 'B', 'Jens Stoltenberg', '2017-11-01', [], false],
        ['id-a', '防衛省の発表', null, '', '2017-10-30', [], false],
      ]);
      expect(workspace.trash.list().map((item) => item.id)).toEqual(['id-c']);
      expect(ids(workspace.search.search('Stoltenberg', {}, 10).sources.items)).toEqual(['id-b']);
      expect(ids(workspace.search.search('防衛省', {}, 10).sources.items)).toEqual(['id-a']);
      expect(workspace.search.search('Trashed', {}, 10).sources.total).toBe(0);
      // New features work on migrated rows.
      const quote = workspace.quotes.create(QuoteDraftSchema.parse({ sourceId: 'id-b', text: 'A quote' }));
      expect(quote.sourceTitle).toBe('Second source: Stoltenberg in Seoul');
      workspace.trash.restore({ kind: 'source', id: 'id-c' });
      expect(workspace.sources.get('id-c').reliability).toBe('F');
    } finally {
      workspace.close();
    }
    const check = new Database(path, { readonly: true });
    try {
      expect(check.prepare(`SELECT id FROM ${MIGRATIONS_TABLE} ORDER BY id`).pluck().all()).toEqual(
        knownMigrations().map((migration) => migration.id),
      );
    } finally {
      check.close();
    }
  });
});
