import { randomUUID } from 'node:crypto';
import { TAG_COLOURS } from '../../src/domain/tag';
import type { Identity } from '../../src/interchange/duplicates';
import { mergeInto, type Mergeable } from '../../src/interchange/merge';
import { parseStoredNames } from '../../src/interchange/names';
import type { ExportSource } from '../../src/interchange/record';
import type Database from 'better-sqlite3';
import { CURRENT_CAPTURE_TEXT } from '../current-capture';
import type { SearchIndexer } from '../search-indexer';
import type { StoreContext } from '../store-context';
import { tagsOf } from '../tag-refs';
import { draftParams } from './sources';
import { tagKey } from './tags';
import { sourceDraftOf, type SourceDraftRow } from './source-row';

/** What one import (or one chunk of it) writes: new sources, and entries folded into existing ones. */
export interface ImportWrite {
  creates: readonly Mergeable[];
  /** `fresh`: the source was created earlier in the same import, so it is still at its first version. */
  merges: readonly { sourceId: string; incoming: Mergeable; fresh?: boolean }[];
}

/**
 * An import being written: every chunk lands inside one open transaction, which is committed or
 * rolled back as a whole, so a failure or a cancel part-way leaves nothing of the import behind.
 */
export interface ImportWriter {
  /** Writes one chunk; returns the ids of the sources it created, in the order of its creates. */
  write(plan: ImportWrite, onProgress?: (done: number, total: number) => void): { created: string[]; merged: string[] };
  commit(): void;
  rollback(): void;
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
    const writer = this.begin();
    try {
      const written = writer.write(plan, onProgress);
      writer.commit();
      return written;
    } catch (error) {
      writer.rollback();
      throw error;
    }
  }

  /**
   * Opens an import's transaction (BEGIN IMMEDIATE: it holds the workspace's write lock until it
   * ends) with its statements prepared once. While it is open, nothing else may write on this
   * connection: the one-step import runs only where the process holds the workspace alone (the CLI,
   * under the workspace lock), and a preview's commit writes without pausing.
   */
  begin(): ImportWriter {
    const db = this.ctx.db;
    // A bulk write touches the source table's sort indexes and the FTS5 prefix indexes all over;
    // SQLite's default 2 MB page cache makes it re-read pages (a sixth of a 10,000-entry write).
    // The import gets a bounded 64 MB, given back when it ends.
    const cacheBefore = Number(db.pragma('cache_size', { simple: true }));
    db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      db.pragma(`cache_size = ${cacheBefore}`);
      throw error;
    }
    const now = this.ctx.now();
    const chunkWriter = new ChunkWriter(this.ctx, this.index, now, this.tagResolver(now));
    let open = true;
    const end = (statement: 'COMMIT' | 'ROLLBACK'): void => {
      if (!open) return;
      open = false;
      try {
        if (db.inTransaction) db.exec(statement);
      } finally {
        db.pragma(`cache_size = ${cacheBefore}`);
      }
    };
    return {
      write: (plan, onProgress) => {
        if (!open) throw new Error('This import has already ended.');
        return chunkWriter.write(plan, onProgress);
      },
      commit: () => {
        end('COMMIT');
        this.ctx.afterWrite();
      },
      rollback: () => end('ROLLBACK'),
    };
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

/** Writes chunks of an import inside its open transaction, with statements prepared once for all of them. */
class ChunkWriter {
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly updateFresh: Database.Statement;
  private readonly link: Database.Statement;
  private readonly row: Database.Statement;
  private readonly snapshot: Database.Statement;

  constructor(
    private readonly ctx: StoreContext,
    private readonly index: SearchIndexer,
    private readonly now: string,
    private readonly tags: (path: string) => string,
  ) {
    const db = ctx.db;
    // Bound by position: a bulk import binds sixteen values per source, and named binding builds an object for each.
    this.insert = db.prepare(
      `INSERT INTO sources (id, title, kind, url, author, publisher, published_date, accessed_date, language, reliability, notes, doi, isbn, author_names, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const set = `kind = @kind, url = @url, author = @author, publisher = @publisher, published_date = @published_date, accessed_date = @accessed_date,
         language = @language, notes = @notes, doi = @doi, isbn = @isbn, author_names = @author_names, updated_at = @now`;
    this.update = db.prepare(`UPDATE sources SET ${set}, version = version + 1 WHERE id = @id AND deleted_at IS NULL`);
    // A source this import created is still at its first version: folding a later entry into it is part of creating it.
    this.updateFresh = db.prepare(`UPDATE sources SET ${set} WHERE id = @id AND deleted_at IS NULL`);
    this.link = db.prepare('INSERT OR IGNORE INTO source_tags (source_id, tag_id) VALUES (?, ?)');
    this.row = db.prepare(`SELECT ${COLUMNS} FROM sources WHERE id = ? AND deleted_at IS NULL`);
    this.snapshot = db.prepare(`SELECT coalesce((${CURRENT_CAPTURE_TEXT}), '')`).pluck();
  }

  write(plan: ImportWrite, onProgress?: (done: number, total: number) => void): { created: string[]; merged: string[] } {
    const db = this.ctx.db;
    const now = this.now;
    const created: string[] = [];
    const merged: string[] = [];
    const total = plan.creates.length + plan.merges.length;
    let done = 0;
    for (const item of plan.creates) {
      const id = randomUUID();
      const d = item.draft;
      const { lastInsertRowid } = this.insert.run(
        id,
        d.title,
        d.kind,
        d.url,
        d.author,
        d.publisher,
        d.publishedDate,
        d.accessedDate,
        d.language,
        d.reliability,
        d.notes,
        item.doi,
        item.isbn,
        item.authorNamesJson,
        now,
        now,
      );
      this.index.indexNewSource(Number(lastInsertRowid), d);
      for (const path of item.tags) this.link.run(id, this.tags(path));
      created.push(id);
      done += 1;
      if (done % 1000 === 0) onProgress?.(done, total);
    }
    for (const { sourceId, incoming, fresh } of plan.merges) {
      const row = this.row.get(sourceId) as Row | undefined;
      if (!row) continue;
      const existing: Mergeable = {
        draft: sourceDraftOf(row),
        doi: row.doi,
        isbn: row.isbn,
        authorNamesJson: row.author_names,
        tags: (tagsOf(db, 'source', [sourceId]).get(sourceId) ?? []).map((tag) => tag.path),
      };
      const result = mergeInto(existing, incoming);
      (fresh ? this.updateFresh : this.update).run({ id: sourceId, now, ...params(result) });
      this.index.indexSource(row.num, { ...result.draft, snapshot: this.snapshot.get(sourceId) as string });
      for (const path of result.tags) this.link.run(sourceId, this.tags(path));
      merged.push(sourceId);
      done += 1;
    }
    onProgress?.(done, total);
    return { created, merged };
  }
}

function params(item: Mergeable) {
  return { ...draftParams(item.draft), doi: item.doi, isbn: item.isbn, author_names: item.authorNamesJson };
}
