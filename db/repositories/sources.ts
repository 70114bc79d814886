import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import type { Source, SourceDraft, SourceListQuery, SourcePage, SourceSortKey } from '../../src/domain/source';
import type { StoreContext } from '../store-context';

interface SourceRow {
  id: string;
  title: string;
  kind: Source['kind'];
  url: string | null;
  author: string;
  publisher: string;
  published_date: string | null;
  accessed_date: string | null;
  language: string;
  reliability: Source['reliability'];
  notes: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, title, kind, url, author, publisher, published_date, accessed_date, language, reliability, notes, created_at, updated_at';

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    url: row.url,
    author: row.author,
    publisher: row.publisher,
    publishedDate: row.published_date,
    accessedDate: row.accessed_date,
    language: row.language,
    reliability: row.reliability,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** ORDER BY clauses by sort key; ungraded and undated sources always sink to the end. */
function orderBy(sort: SourceSortKey, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  switch (sort) {
    case 'title':
      return `title COLLATE NOCASE ${dir}, id ${dir}`;
    case 'published':
      return `published_date IS NULL, published_date ${dir}, title COLLATE NOCASE`;
    case 'accessed':
      return `accessed_date IS NULL, accessed_date ${dir}, title COLLATE NOCASE`;
    case 'reliability':
      return `reliability IS NULL, reliability ${dir}, title COLLATE NOCASE`;
    case 'updated':
      return `updated_at ${dir}, id ${dir}`;
  }
}

function draftParams(draft: SourceDraft) {
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

export class SourceRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(draft: SourceDraft): Source {
    const now = this.ctx.now();
    const id = randomUUID();
    this.ctx.db
      .prepare(
        `INSERT INTO sources (id, title, kind, url, author, publisher, published_date, accessed_date, language, reliability, notes, created_at, updated_at)
         VALUES (@id, @title, @kind, @url, @author, @publisher, @published_date, @accessed_date, @language, @reliability, @notes, @now, @now)`,
      )
      .run({ id, now, ...draftParams(draft) });
    this.ctx.afterWrite();
    return this.get(id);
  }

  update(id: string, draft: SourceDraft): Source {
    const result = this.ctx.db
      .prepare(
        `UPDATE sources SET title = @title, kind = @kind, url = @url, author = @author, publisher = @publisher,
           published_date = @published_date, accessed_date = @accessed_date, language = @language,
           reliability = @reliability, notes = @notes, updated_at = @now
         WHERE id = @id AND deleted_at IS NULL`,
      )
      .run({ id, now: this.ctx.now(), ...draftParams(draft) });
    if (result.changes === 0) throw notFound();
    this.ctx.afterWrite();
    return this.get(id);
  }

  get(id: string): Source {
    const row = this.ctx.db.prepare(`SELECT ${COLUMNS} FROM sources WHERE id = ? AND deleted_at IS NULL`).get(id) as SourceRow | undefined;
    if (!row) throw notFound();
    return toSource(row);
  }

  list(query: SourceListQuery): SourcePage {
    const rows = this.ctx.db
      .prepare(`SELECT ${COLUMNS} FROM sources WHERE deleted_at IS NULL ORDER BY ${orderBy(query.sort, query.direction)} LIMIT ? OFFSET ?`)
      .all(query.limit, query.offset) as SourceRow[];
    const total = this.ctx.db.prepare('SELECT count(*) FROM sources WHERE deleted_at IS NULL').pluck().get() as number;
    return { items: rows.map(toSource), total };
  }

  /** Moves a source to the trash; returns when it was deleted. */
  trash(id: string): string {
    const deletedAt = this.ctx.now();
    const result = this.ctx.db.prepare('UPDATE sources SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(deletedAt, id);
    if (result.changes === 0) throw notFound();
    this.ctx.afterWrite();
    return deletedAt;
  }
}

function notFound(): WarrantError {
  return new WarrantError('not_found', 'That source no longer exists (it may have been moved to the trash).');
}
