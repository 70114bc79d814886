import type Database from 'better-sqlite3';
import { UNLOGGED_FIELDS, fieldText, LIBRARY_FIELDS, type LibraryKind, type LibraryRecord } from '../../src/team/library-fields';
import { CURRENT_CAPTURE_TEXT } from '../current-capture';
import type { SearchIndexer } from '../search-indexer';
import type { StoreContext } from '../store-context';
import {
  briefingParentPresent,
  fillAwaitedBody,
  isBriefingRecordKind,
  removeBriefingRecord,
  upsertBriefingRecord,
} from './briefing-records-projection';
import { createOutbox, dropOutbox } from './team-outbox';
import { briefingOfRecord, briefingRecordKeys, readLibraryRow, readLibraryRows, type KeyedRecord } from './library-rows';
import { tagKey } from './tags';

/** One record of a batch from the team documents: its fields, or null when it was removed. */
export interface IncomingRecord {
  kind: LibraryKind;
  id: string;
  record: LibraryRecord | null;
  /** Who wrote a field's current value (or removed the record, for `field` = null). */
  authorOf: (field: string | null) => string;
}

/** What a batch could not project yet, to be offered again with the next batch. */
export interface ProjectionResult {
  projected: number;
  /** Records whose source, tag or capture is not in the tables yet (it comes in another document). */
  waiting: IncomingRecord[];
  /** Captures the documents name whose bytes are not here: the blob store brings them ({@link LibraryProjection.receiveCapture}). */
  missingCaptures: { id: string; record: LibraryRecord }[];
  /** Briefings whose rows this batch created: their bodies' documents are to be followed. */
  arrivedBriefings: string[];
  /** Records the tables refused (a value breaking a rule of the schema), with the reason; the document keeps them. */
  refused: { kind: LibraryKind; id: string; reason: string }[];
}

/** What this workbench read from a capture's bytes it received: the document carries every other fact. */
export interface CaptureReading {
  text: string;
  /** Code-point offsets where PDF pages start, or null. */
  pageOffsets: number[] | null;
  images: readonly { location: string; mediaType: string; bytes: Uint8Array }[];
}

/** Fields of one record changed by a local write, as the change log records them. */
export interface LocalChange {
  kind: LibraryKind;
  id: string;
  changes: readonly { field: string; from: unknown; to: unknown }[];
}

/** A row of the library's change log, newest first. */
export interface LibraryChange {
  recordKind: string;
  recordId: string;
  field: string;
  author: string;
  changedAt: string;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * The library tables as the projection of the team documents: incoming records are written in one
 * transaction per batch (search indexes included, so search and lists work unchanged), each
 * changed field is logged with its author, and local writes are noted in a per-connection outbox
 * (TEMP triggers, so the workspace's own schema is untouched) for the team client to copy into
 * the documents.
 */
export class LibraryProjection {
  private watching = false;

  constructor(
    private readonly ctx: StoreContext,
    private readonly index: SearchIndexer,
  ) {}

  private get db(): Database.Database {
    return this.ctx.db;
  }

  /** Starts noting local library writes (idempotent; lasts as long as the connection). */
  watchLocalWrites(): void {
    if (this.watching) return;
    createOutbox(this.db);
    this.watching = true;
  }

  /** Stops noting local writes (the workspace left its team): drops the TEMP triggers and the outbox. */
  unwatchLocalWrites(): void {
    if (!this.watching) return;
    this.watching = false;
    dropOutbox(this.db);
  }

  /** Takes the records written locally since the last call (each once), oldest first. */
  takeLocalWrites(): { kind: LibraryKind; id: string }[] {
    if (!this.watching) return [];
    return this.db.transaction(() => {
      const rows = this.db.prepare('SELECT kind, id FROM team_outbox GROUP BY kind, id ORDER BY min(num)').all() as {
        kind: LibraryKind;
        id: string;
      }[];
      this.db.prepare('DELETE FROM team_outbox').run();
      return rows;
    })();
  }

  /** A row as its document would hold it (null: no such row). */
  read(kind: LibraryKind, id: string): LibraryRecord | null {
    return readLibraryRow(this.db, kind, id);
  }

  /** The records a shared briefing takes into the documents, parents first. */
  briefingRecords(briefingId: string): { kind: LibraryKind; id: string }[] {
    return briefingRecordKeys(this.db, briefingId);
  }

  /** The briefing a judgement or evidence link belongs to, from its row (null for other kinds). */
  briefingOf(kind: LibraryKind, record: LibraryRecord): string | null {
    return briefingOfRecord(this.db, kind, record);
  }

  /** Fills a teammate's briefing row, made before its body arrived, with that body (false: it has one already). */
  fillAwaitedBody(id: string, projected: { body: string; bodyText: string; wordCount: number }): boolean {
    return fillAwaitedBody(this.ctx, id, projected);
  }

  /** Every row of a kind as its document would hold it (streamed). */
  rows(kind: LibraryKind): Generator<KeyedRecord> {
    return readLibraryRows(this.db, kind);
  }

  /** Writes change-log rows for fields changed locally (the local handlers already wrote the tables), in one transaction. */
  logLocal(author: string, entries: readonly LocalChange[]): void {
    if (entries.length === 0) return;
    const now = this.ctx.now();
    const insert = this.logStatement();
    this.db.transaction(() => {
      for (const { kind, id, changes } of entries)
        for (const { field, from, to } of changes)
          if (!UNLOGGED_FIELDS.has(field)) insert.run(kind, id, field, author, now, scalarText(from), scalarText(to));
    })();
    this.ctx.afterWrite();
  }

  /** Writes a batch of incoming records into the tables in one transaction. */
  apply(batch: readonly IncomingRecord[]): ProjectionResult {
    const waiting: IncomingRecord[] = [];
    const missingCaptures: ProjectionResult['missingCaptures'] = [];
    const arrivedBriefings: string[] = [];
    const refused: ProjectionResult['refused'] = [];
    let projected = 0;
    this.fromDocuments(() => {
      for (const incoming of batch) {
        const created = incoming.kind === 'briefings' && incoming.record !== null && this.read('briefings', incoming.id) === null;
        let outcome: ReturnType<LibraryProjection['applyOne']>;
        try {
          // A savepoint each: one record the schema refuses must not undo the batch around it.
          outcome = this.db.transaction(() => this.applyOne(incoming))();
        } catch (error) {
          refused.push({ kind: incoming.kind, id: incoming.id, reason: error instanceof Error ? error.message : String(error) });
          continue;
        }
        if (outcome === 'waiting') waiting.push(incoming);
        else if (outcome === 'written') projected += 1;
        else if (outcome === 'no-bytes' && incoming.record) missingCaptures.push({ id: incoming.id, record: incoming.record });
        if (created && outcome === 'written') arrivedBriefings.push(incoming.id);
      }
    });
    if (projected > 0) this.ctx.afterWrite();
    return { projected, waiting, missingCaptures, arrivedBriefings, refused };
  }

  /**
   * Stores a capture whose bytes arrived from the blob store (verified against the record's hash by
   * the caller) as the document describes it: its facts verbatim, the text as read here. False when
   * it is here already or its source is not (the caller keeps it for later).
   */
  receiveCapture(id: string, record: LibraryRecord, bytes: Uint8Array, reading: CaptureReading): boolean {
    let stored = false;
    this.fromDocuments(() => {
      if (this.db.prepare('SELECT 1 FROM snapshots WHERE id = ?').get(id) !== undefined) return;
      if (this.db.prepare('SELECT 1 FROM sources WHERE id = ?').get(record.source_id) === undefined) return;
      const columns = [...LIBRARY_FIELDS.snapshots, 'content', 'text', 'page_offsets'];
      const values = {
        ...record,
        id,
        content: Buffer.from(bytes),
        text: reading.text,
        page_offsets: reading.pageOffsets ? JSON.stringify(reading.pageOffsets) : null,
      };
      this.db
        .prepare(`INSERT INTO snapshots (id, ${columns.join(', ')}) VALUES (@id, ${columns.map((column) => `@${column}`).join(', ')})`)
        .run(values);
      const addImage = this.db.prepare('INSERT INTO snapshot_resources (snapshot_id, location, media_type, content) VALUES (?, ?, ?, ?)');
      for (const image of reading.images) addImage.run(id, image.location, image.mediaType, Buffer.from(image.bytes));
      // The newest capture is the one search indexes.
      this.index.reindexSource(String(record.source_id));
      stored = true;
    });
    if (stored) this.ctx.afterWrite();
    return stored;
  }

  /** Runs a write of what came from the documents: it must not be sent back as a local change. */
  private fromDocuments(write: () => void): void {
    this.db.transaction(() => {
      const outboxMark = this.watching ? (this.db.prepare('SELECT coalesce(max(num), 0) FROM team_outbox').pluck().get() as number) : 0;
      write();
      if (this.watching) this.db.prepare('DELETE FROM team_outbox WHERE num > ?').run(outboxMark);
    })();
  }

  /** The change log of one record, newest first. */
  changesOf(kind: LibraryKind, id: string): LibraryChange[] {
    return this.db
      .prepare(
        `SELECT record_kind AS recordKind, record_id AS recordId, field, author, changed_at AS changedAt, old_value AS oldValue, new_value AS newValue
         FROM library_changes WHERE record_kind = ? AND record_id = ? ORDER BY num DESC`,
      )
      .all(kind, id) as LibraryChange[];
  }

  private logStatement(): Database.Statement {
    return this.db.prepare(
      'INSERT INTO library_changes (record_kind, record_id, field, author, changed_at, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  private applyOne(incoming: IncomingRecord): 'written' | 'unchanged' | 'waiting' | 'no-bytes' {
    const { kind, id } = incoming;
    const stored = this.read(kind, id);
    const record = incoming.record === null ? null : this.localised(kind, incoming.record);
    if (record === null) {
      if (stored === null) return 'unchanged';
      this.remove(kind, id);
      this.logStatement().run(kind, id, 'removed', incoming.authorOf(null), this.ctx.now(), null, null);
      return 'written';
    }
    // A capture is written with its bytes, which travel by the blob store, not in the document; it never changes once here.
    if (kind === 'snapshots') return stored === null ? 'no-bytes' : 'unchanged';
    if (!this.referencesPresent(kind, record)) return 'waiting';
    const changed = LIBRARY_FIELDS[kind].filter((field) => stored === null || stored[field] !== record[field]);
    if (changed.length === 0) return 'unchanged';
    if (isBriefingRecordKind(kind)) upsertBriefingRecord(this.ctx, kind, id, record, stored, (field) => incoming.authorOf(field));
    else
      this.upsert(
        kind,
        id,
        record,
        stored === null ? 'new' : stored.deleted_at === null || stored.deleted_at === undefined ? 'live' : 'trashed',
      );
    const now = this.ctx.now();
    const log = this.logStatement();
    if (stored === null) log.run(kind, id, 'created', incoming.authorOf(LIBRARY_FIELDS[kind][0] ?? null), now, null, null);
    else
      for (const field of changed)
        if (!UNLOGGED_FIELDS.has(field))
          log.run(kind, id, field, incoming.authorOf(field), now, fieldText(stored[field]), fieldText(record[field]));
    return 'written';
  }

  /** A record as this workspace can hold it: a quote's capture whose bytes are not here yet is left out. */
  private localised(kind: LibraryKind, record: LibraryRecord): LibraryRecord {
    if (kind !== 'quotes' || record.snapshot_id === null) return record;
    const present = this.db.prepare('SELECT 1 FROM snapshots WHERE id = ?').get(record.snapshot_id) !== undefined;
    return present ? record : { ...record, snapshot_id: null };
  }

  private referencesPresent(kind: LibraryKind, record: LibraryRecord): boolean {
    if (isBriefingRecordKind(kind)) return briefingParentPresent(this.db, kind, record);
    const exists = (table: string, id: unknown): boolean => this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
    switch (kind) {
      case 'quotes':
        return exists('sources', record.source_id);
      case 'tag-links':
        return exists('tags', record.tag_id) && exists(record.item_kind === 'quote' ? 'quotes' : 'sources', record.item_id);
      case 'derivations':
        return exists('sources', record.source_id) && exists('sources', record.origin_id);
      default:
        return true;
    }
  }

  private upsert(kind: LibraryKind, id: string, record: LibraryRecord, was: 'new' | 'live' | 'trashed'): void {
    if (kind === 'tag-links') {
      const [table, column] = record.item_kind === 'quote' ? ['quote_tags', 'quote_id'] : ['source_tags', 'source_id'];
      this.db.prepare(`INSERT OR IGNORE INTO ${table} (${column}, tag_id) VALUES (?, ?)`).run(record.item_id, record.tag_id);
      return;
    }
    if (kind === 'derivations') {
      this.db
        .prepare('INSERT OR IGNORE INTO source_derivations (source_id, origin_id, created_at) VALUES (?, ?, ?)')
        .run(record.source_id, record.origin_id, record.created_at);
      return;
    }
    const table = kind;
    const values: Record<string, unknown> = { ...record, id };
    const columns = [...LIBRARY_FIELDS[kind]];
    if (kind === 'tags') {
      values.path = this.freeTagPath(String(record.path), id);
      values.path_key = tagKey(String(values.path));
      columns.push('path_key');
    }
    const names = columns.map((column) => `@${column}`).join(', ');
    const updates = columns.map((column) => `${column} = excluded.${column}`).join(', ');
    this.db
      .prepare(
        `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (@id, ${names})
         ON CONFLICT (id) DO UPDATE SET ${updates}, version = version + 1`,
      )
      .run(values);
    if (kind === 'sources') this.indexSource(id, was);
    if (kind === 'quotes') this.indexQuote(id);
  }

  /**
   * Two analysts may each have made a tag of the same name before sharing; tag paths are unique,
   * so the later one to arrive keeps its id and gets its id's first characters after its name.
   */
  private freeTagPath(path: string, id: string): string {
    const holder = this.db.prepare('SELECT id FROM tags WHERE path_key = ?').pluck().get(tagKey(path)) as string | undefined;
    return holder === undefined || holder === id ? path : `${path} (${id.slice(0, 8)})`;
  }

  private indexSource(id: string, was: 'new' | 'live' | 'trashed'): void {
    const row = this.db.prepare('SELECT num, title, author, publisher, notes, deleted_at FROM sources WHERE id = ?').get(id) as {
      num: number;
      title: string;
      author: string;
      publisher: string;
      notes: string;
      deleted_at: string | null;
    };
    if (row.deleted_at !== null) {
      // Into the trash elsewhere: out of the indexes with its quotes.
      if (was === 'live') this.index.unindexSource(row.num, id);
      return;
    }
    // Back from the trash elsewhere: the source and its live quotes return to the indexes.
    if (was === 'trashed') {
      this.index.reindexSource(id);
      return;
    }
    const snapshot = (this.db.prepare(CURRENT_CAPTURE_TEXT).pluck().get(id) as string | undefined) ?? '';
    this.index.indexSource(row.num, { ...row, snapshot });
  }

  private indexQuote(id: string): void {
    const row = this.db
      .prepare(
        `SELECT q.num, q.text, q.speaker, q.note, (q.deleted_at IS NULL AND s.deleted_at IS NULL) AS live
         FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ?`,
      )
      .get(id) as { num: number; text: string; speaker: string; note: string; live: number };
    if (row.live === 1) this.index.indexQuote(row.num, row);
    else this.index.unindexQuote(row.num);
  }

  private remove(kind: LibraryKind, id: string): void {
    if (isBriefingRecordKind(kind)) {
      removeBriefingRecord(this.db, kind, id);
    } else if (kind === 'tag-links') {
      const [itemKind, itemId, tagId] = id.split('|');
      const [table, column] = itemKind === 'quote' ? ['quote_tags', 'quote_id'] : ['source_tags', 'source_id'];
      this.db.prepare(`DELETE FROM ${table} WHERE ${column} = ? AND tag_id = ?`).run(itemId, tagId);
    } else if (kind === 'derivations') {
      const [sourceId, originId] = id.split('|');
      this.db.prepare('DELETE FROM source_derivations WHERE source_id = ? AND origin_id = ?').run(sourceId, originId);
    } else if (kind !== 'snapshots') {
      this.db.prepare(`DELETE FROM ${kind} WHERE id = ?`).run(id);
    }
  }
}

function scalarText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
