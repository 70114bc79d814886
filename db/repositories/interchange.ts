import { randomUUID } from 'node:crypto';
import { TAG_COLOURS } from '../../src/domain/tag';
import type { Identity } from '../../src/interchange/duplicates';
import { mergeInto, type Mergeable } from '../../src/interchange/merge';
import { parseStoredNames } from '../../src/interchange/names';
import type { ExportSource } from '../../src/interchange/record';
import type { SearchIndexer } from '../search-indexer';
import type { StoreContext } from '../store-context';
import { tagsOf } from '../tag-refs';
import { draftParams } from './sources';
import { tagKey } from './tags';
import { sourceDraftOf, type SourceDraftRow } from './source-row';

/** What one import writes: new sources, and entries folded into existing ones. */
export interface ImportWrite {
  creates: readonly Mergeable[];
  merges: readonly { sourceId: string; incoming: Mergeable }[];
}

interface Row extends SourceDraftRow {
  num: number;
  id: string;
  doi: string | null;
  isbn: string | null;
  author_names: string | null;
}

const COLUMNS =
  'num, id, title, kind, url, author, publisher, published_date, accessed_date, language, reliability, notes, doi, isbn, author_names';
const EXPORT_BATCH = 500;
/** SQLite's page cache during an import write, in KiB (a negative cache_size). */
const IMPORT_CACHE_KIB = -64 * 1024;

/**
 * Library import and export: bulk writes in one transaction (all or nothing), the identities
 * duplicate detection compares against, and sources read out in batches for export. Kept apart
 * from SourceRepository, which serves the interactive library.
 */
export class InterchangeRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly index: SearchIndexer,
  ) {}

  /** Every live source's identity, for duplicate checks (one pass, no text beyond the title). */
  *identities(): Generator<{ sourceId: string; identity: Identity }> {
    const rows = this.ctx.db
      .prepare('SELECT id, doi, isbn, url, title, published_date FROM sources WHERE deleted_at IS NULL')
      .iterate() as IterableIterator<{
      id: string;
      doi: string | null;
      isbn: string | null;
      url: string | null;
      title: string;
      published_date: string | null;
    }>;
    for (const row of rows)
      yield {
        sourceId: row.id,
        identity: { doi: row.doi, isbn: row.isbn, url: row.url, title: row.title, publishedDate: row.published_date },
      };
  }

  /** Writes an import in one transaction: either every source and merge lands, or none does. */
  write(plan: ImportWrite, onProgress?: (done: number, total: number) => void): { created: string[]; merged: string[] } {
    const db = this.ctx.db;
    const created: string[] = [];
    const merged: string[] = [];
    const total = plan.creates.length + plan.merges.length;
    // A bulk write touches the source table's sort indexes and the FTS5 prefix indexes all over;
    // SQLite's default 2 MB page cache makes it re-read pages (a sixth of a 10,000-entry write).
    // The import gets a bounded 64 MB, given back when it ends.
    const cacheBefore = Number(db.pragma('cache_size', { simple: true }));
    db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    try {
      this.writeAll(plan, created, merged, total, onProgress);
    } finally {
      db.pragma(`cache_size = ${cacheBefore}`);
    }
    this.ctx.afterWrite();
    return { created, merged };
  }

  private writeAll(
    plan: ImportWrite,
    created: string[],
    merged: string[],
    total: number,
    onProgress?: (done: number, total: number) => void,
  ): void {
    const db = this.ctx.db;
    const insert = db.prepare(
      `INSERT INTO sources (id, title, kind, url, author, publisher, published_date, accessed_date, language, reliability, notes, doi, isbn, author_names, created_at, updated_at)
       VALUES (@id, @title, @kind, @url, @author, @publisher, @published_date, @accessed_date, @language, @reliability, @notes, @doi, @isbn, @author_names, @now, @now)`,
    );
    const update = db.prepare(
      `UPDATE sources SET kind = @kind, url = @url, author = @author, publisher = @publisher, published_date = @published_date, accessed_date = @accessed_date,
         language = @language, notes = @notes, doi = @doi, isbn = @isbn, author_names = @author_names, updated_at = @now, version = version + 1 WHERE id = @id AND deleted_at IS NULL`,
    );
    const link = db.prepare('INSERT OR IGNORE INTO source_tags (source_id, tag_id) VALUES (?, ?)');
    db.transaction(() => {
      const now = this.ctx.now();
      const tags = this.tagResolver(now);
      let done = 0;
      for (const item of plan.creates) {
        const id = randomUUID();
        const { lastInsertRowid } = insert.run({ id, now, ...params(item) });
        this.index.indexNewSource(Number(lastInsertRowid), { ...item.draft, snapshot: '' });
        for (const path of item.tags) link.run(id, tags(path));
        created.push(id);
        done += 1;
        if (done % 1000 === 0) onProgress?.(done, total);
      }
      for (const { sourceId, incoming } of plan.merges) {
        const row = db.prepare(`SELECT ${COLUMNS} FROM sources WHERE id = ? AND deleted_at IS NULL`).get(sourceId) as Row | undefined;
        if (!row) continue;
        const existing: Mergeable = {
          draft: sourceDraftOf(row),
          doi: row.doi,
          isbn: row.isbn,
          authorNamesJson: row.author_names,
          tags: (tagsOf(db, 'source', [sourceId]).get(sourceId) ?? []).map((tag) => tag.path),
        };
        const result = mergeInto(existing, incoming);
        update.run({ id: sourceId, now, ...params(result) });
        const snapshot = db
          .prepare("SELECT coalesce((SELECT text FROM snapshots WHERE source_id = ?), '')")
          .pluck()
          .get(sourceId) as string;
        this.index.indexSource(row.num, { ...result.draft, snapshot });
        for (const path of result.tags) link.run(sourceId, tags(path));
        merged.push(sourceId);
        done += 1;
      }
      onProgress?.(done, total);
    })();
  }

  /** Live sources for export, oldest first, read a page at a time so memory stays flat. */
  *exportSources(ids?: readonly string[]): Generator<ExportSource> {
    const db = this.ctx.db;
    const page = ids
      ? db.prepare(
          `SELECT ${COLUMNS} FROM sources WHERE deleted_at IS NULL AND num > ? AND id IN (SELECT value FROM json_each(?)) ORDER BY num LIMIT ${EXPORT_BATCH}`,
        )
      : db.prepare(`SELECT ${COLUMNS} FROM sources WHERE deleted_at IS NULL AND num > ? ORDER BY num LIMIT ${EXPORT_BATCH}`);
    const wanted = ids ? [JSON.stringify(ids)] : [];
    for (let after = 0; ;) {
      const rows = page.all(after, ...wanted) as Row[];
      if (rows.length === 0) return;
      const tags = tagsOf(
        db,
        'source',
        rows.map((row) => row.id),
      );
      for (const row of rows)
        yield {
          id: row.id,
          draft: sourceDraftOf(row),
          doi: row.doi,
          isbn: row.isbn,
          authorNames: parseStoredNames(row.author_names),
          tags: (tags.get(row.id) ?? []).map((tag) => tag.path),
        };
      after = rows[rows.length - 1]?.num ?? after;
    }
  }

  /** How many live sources an export of `ids` (or of everything) covers. */
  count(ids?: readonly string[]): number {
    const db = this.ctx.db;
    return (
      ids
        ? db
            .prepare('SELECT count(*) FROM sources WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))')
            .pluck()
            .get(JSON.stringify(ids))
        : db.prepare('SELECT count(*) FROM sources WHERE deleted_at IS NULL').pluck().get()
    ) as number;
  }

  /** The identifiers stored beside a source (for tests and the detail view). */
  identifiers(sourceId: string): { doi: string | null; isbn: string | null } | undefined {
    return this.ctx.db.prepare('SELECT doi, isbn FROM sources WHERE id = ?').get(sourceId) as
      { doi: string | null; isbn: string | null } | undefined;
  }

  /** Tag ids by path (case-insensitive), creating missing tags inside the caller's transaction. */
  private tagResolver(now: string): (path: string) => string {
    const db = this.ctx.db;
    const ids = new Map<string, string>();
    for (const row of db.prepare('SELECT id, path_key FROM tags').all() as { id: string; path_key: string }[])
      ids.set(row.path_key, row.id);
    const create = db.prepare('INSERT INTO tags (id, path, path_key, color, created_at) VALUES (?, ?, ?, ?, ?)');
    return (path) => {
      const key = tagKey(path);
      let id = ids.get(key);
      if (id === undefined) {
        id = randomUUID();
        create.run(id, path, key, TAG_COLOURS[ids.size % TAG_COLOURS.length], now);
        ids.set(key, id);
      }
      return id;
    };
  }
}

function params(item: Mergeable) {
  return { ...draftParams(item.draft), doi: item.doi, isbn: item.isbn, author_names: item.authorNamesJson };
}
