import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import type { Source, SourceDraft, SourceFilter, SourceListQuery, SourcePage, SourceSortKey } from '../../src/domain/source';
import { JOIN_CURRENT_CAPTURE } from '../current-capture';
import { assertVersion } from '../record-versions';
import type { SearchIndexer } from '../search-indexer';
import type { StoreContext } from '../store-context';
import { taggedWithAny, taggedWithin, tagsOf, tagSubtreeIds } from '../tag-refs';
import { sourceDraftOf, type SourceDraftRow } from './source-row';

/** Tag links up to which a tag-filtered list is read from the tag's side. */
export const FEW_TAGGED = 2000;

interface SourceRow extends SourceDraftRow {
  num: number;
  id: string;
  has_snapshot: number;
  doi: string | null;
  isbn: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const COLUMNS = `s.num, s.id, s.title, s.kind, s.url, s.author, s.publisher, s.published_date, s.accessed_date, s.language, s.reliability, s.notes, s.doi, s.isbn,
  EXISTS (SELECT 1 FROM snapshots sn WHERE sn.source_id = s.id) AS has_snapshot, s.created_at, s.updated_at, s.version`;

/**
 * ORDER BY clauses by sort key; undated and ungraded sources sink to the end either way. Each
 * clause runs in one direction so that an index (see the list-order migration) yields it:
 * descending, NULL already sorts last; ascending, the "is missing" flag goes first.
 */
function orderBy(sort: SourceSortKey, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const missingLast = (column: string): string =>
    direction === 'asc' ? `s.${column} IS NULL, s.${column}, s.num` : `s.${column} DESC, s.num DESC`;
  switch (sort) {
    case 'title':
      return `s.title COLLATE NOCASE ${dir}, s.num ${dir}`;
    case 'published':
      return missingLast('published_date');
    case 'accessed':
      return missingLast('accessed_date');
    case 'reliability':
      return missingLast('reliability');
    case 'updated':
      return `s.updated_at ${dir}, s.num ${dir}`;
  }
}

/** WHERE clause and parameters for a library filter (always live sources only). */
export function sourceFilterSql(filter: SourceFilter, alias = 's'): { where: string; params: unknown[] } {
  const clauses = [`${alias}.deleted_at IS NULL`];
  const params: unknown[] = [];
  if (filter.kinds && filter.kinds.length > 0) {
    clauses.push(`${alias}.kind IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filter.kinds));
  }
  if (filter.reliability && filter.reliability.length > 0) {
    const grades = filter.reliability.filter((grade) => grade !== 'ungraded');
    const parts = [`${alias}.reliability IN (SELECT value FROM json_each(?))`];
    params.push(JSON.stringify(grades));
    if (filter.reliability.includes('ungraded')) parts.push(`${alias}.reliability IS NULL`);
    clauses.push(`(${parts.join(' OR ')})`);
  }
  if (filter.tagId) {
    clauses.push(taggedWithin('source', `${alias}.id`));
    params.push(filter.tagId);
  }
  // Partial dates compare as text: "2017" sorts before "2017-10"; the upper bound takes the whole period.
  if (filter.publishedFrom) {
    clauses.push(`${alias}.published_date >= ?`);
    params.push(filter.publishedFrom);
  }
  if (filter.publishedTo) {
    clauses.push(`${alias}.published_date <= ?`);
    params.push(`${filter.publishedTo}\uffff`);
  }
  return { where: clauses.join(' AND '), params };
}

/** A draft as the named parameters of the sources table's columns. */
export function draftParams(draft: SourceDraft) {
  return {
    title: draft.title,
    kind: draft.kind,
    url: draft.url,
    author: draft.author,
    publisher: draft.publisher,
    published_date: draft.publishedDate,
    accessed_date: draft.accessedDate,
    language: draft.language,
    reliability: draft.reliability,
    notes: draft.notes,
  };
}

function notFound(): WarrantError {
  return new WarrantError('not_found', 'That source no longer exists (it may have been moved to the trash).');
}

export class SourceRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly index: SearchIndexer,
  ) {}

  create(draft: SourceDraft): Source {
    const id = randomUUID();
    this.ctx.db.transaction(() => {
      const now = this.ctx.now();
      const { lastInsertRowid } = this.ctx.db
        .prepare(
          `INSERT INTO sources (id, title, kind, url, author, publisher, published_date, accessed_date, language, reliability, notes, created_at, updated_at)
           VALUES (@id, @title, @kind, @url, @author, @publisher, @published_date, @accessed_date, @language, @reliability, @notes, @now, @now)`,
        )
        .run({ id, now, ...draftParams(draft) });
      this.index.indexSource(Number(lastInsertRowid), { ...draft, snapshot: '' });
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  /** Replaces a source's fields; with `expectedVersion`, only if nobody changed it since (else `conflict`). */
  update(id: string, draft: SourceDraft, expectedVersion?: number): Source {
    this.ctx.db.transaction(() => {
      const stored = this.ctx.db.prepare('SELECT version FROM sources WHERE id = ? AND deleted_at IS NULL').pluck().get(id) as
        number | undefined;
      if (stored === undefined) throw notFound();
      assertVersion('This source', expectedVersion, stored, () => this.get(id));
      this.ctx.db
        .prepare(
          `UPDATE sources SET title = @title, kind = @kind, url = @url, author = @author, publisher = @publisher,
             published_date = @published_date, accessed_date = @accessed_date, language = @language,
             reliability = @reliability, notes = @notes, updated_at = @now, version = version + 1
           WHERE id = @id`,
        )
        .run({ id, now: this.ctx.now(), ...draftParams(draft) });
      this.reindex(id);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  /** Rewrites the CJK entry of a source from its current fields and snapshot text. */
  reindex(id: string): void {
    const row = this.ctx.db
      .prepare(
        `SELECT s.num, s.title, s.author, s.publisher, s.notes, coalesce(sn.text, '') AS snapshot FROM sources s ${JOIN_CURRENT_CAPTURE} WHERE s.id = ?`,
      )
      .get(id) as { num: number; title: string; author: string; publisher: string; notes: string; snapshot: string } | undefined;
    if (row) this.index.indexSource(row.num, row);
  }

  get(id: string): Source {
    const row = this.ctx.db.prepare(`SELECT ${COLUMNS} FROM sources s WHERE s.id = ? AND s.deleted_at IS NULL`).get(id) as
      SourceRow | undefined;
    if (!row) throw notFound();
    return this.withTags([row])[0] as Source;
  }

  /** Whether a live source exists (for links from other records). */
  exists(id: string): boolean {
    return this.ctx.db.prepare('SELECT 1 FROM sources WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined;
  }

  list(query: Omit<SourceListQuery, 'filter'> & { filter?: SourceFilter }): SourcePage {
    const { tagId, ...rest } = query.filter ?? {};
    const base = sourceFilterSql(rest);
    const tagIds = tagId ? JSON.stringify(tagSubtreeIds(this.ctx.db, tagId)) : null;
    const where = tagIds === null ? base.where : `${base.where} AND ${this.tagCondition(tagIds)}`;
    const params = tagIds === null ? base.params : [...base.params, tagIds];
    const rows = this.ctx.db
      .prepare(`SELECT ${COLUMNS} FROM sources s WHERE ${where} ORDER BY ${orderBy(query.sort, query.direction)} LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as SourceRow[];
    const onlyTag =
      tagIds !== null &&
      base.params.length === 0 &&
      !rest.publishedFrom &&
      !rest.publishedTo &&
      !rest.kinds?.length &&
      !rest.reliability?.length;
    // Without statistics SQLite counts a grade filter by reading every row through the (smaller)
    // kind index; the grade index answers it from its own entries.
    const hint = rest.reliability?.length ? 'INDEXED BY sources_by_reliability' : '';
    const total = onlyTag
      ? this.countTagged(tagIds)
      : (this.ctx.db
          .prepare(`SELECT count(*) FROM sources s ${hint} WHERE ${where}`)
          .pluck()
          .get(...params) as number);
    return { items: this.withTags(rows), total };
  }

  /**
   * A tag on few sources is read from the tag's side (its links, then those rows, sorted); a
   * tag on many is checked per row while the sort index is walked, which soon finds a page.
   */
  private tagCondition(tagIds: string): string {
    const links = this.ctx.db
      .prepare('SELECT count(*) FROM source_tags WHERE tag_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .get(tagIds) as number;
    return links <= FEW_TAGGED
      ? 's.id IN (SELECT source_id FROM source_tags WHERE tag_id IN (SELECT value FROM json_each(?)))'
      : taggedWithAny('source', 's.id');
  }

  /**
   * Live sources carrying any of the tags: counted from the links, less the few in the trash
   * (the trash is pinned as the starting point; SQLite may otherwise probe every tagged source).
   */
  private countTagged(tagIds: string): number {
    return this.ctx.db
      .prepare(
        `SELECT (SELECT count(DISTINCT source_id) FROM source_tags WHERE tag_id IN (SELECT value FROM json_each(@ids)))
              - (SELECT count(DISTINCT l.source_id) FROM sources s INDEXED BY sources_in_trash CROSS JOIN source_tags l ON l.source_id = s.id
                 WHERE s.deleted_at IS NOT NULL AND l.tag_id IN (SELECT value FROM json_each(@ids)))`,
      )
      .pluck()
      .get({ ids: tagIds }) as number;
  }

  /** Moves a source to the trash (its quotes and snapshot go with it); returns when. */
  trash(id: string): string {
    const deletedAt = this.ctx.now();
    this.ctx.db.transaction(() => {
      const row = this.ctx.db.prepare('SELECT num FROM sources WHERE id = ? AND deleted_at IS NULL').get(id) as { num: number } | undefined;
      if (!row) throw notFound();
      this.index.unindexSource(row.num, id);
      this.ctx.db.prepare('UPDATE sources SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
    })();
    this.ctx.afterWrite();
    return deletedAt;
  }

  private withTags(rows: SourceRow[]): Source[] {
    const tags = tagsOf(
      this.ctx.db,
      'source',
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      ...sourceDraftOf(row),
      tags: tags.get(row.id) ?? [],
      hasSnapshot: row.has_snapshot === 1,
      doi: row.doi,
      isbn: row.isbn,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    }));
  }
}
