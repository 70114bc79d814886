// Binds a workspace's library tables to the team's library documents, both ways:
// - changes arriving in a document (from the team server, or loaded from the workspace file) are
//   projected into the tables, one SQLite transaction per batch;
// - local writes made through the usual handlers are noted by the projection's outbox and copied
//   into the documents field by field (last writer wins per field), each change logged with its author.
import * as Y from 'yjs';
import type { Workspace } from '../../db/workspace';
import type { IncomingRecord, LocalChange } from '../../db/repositories/library-projection';
import {
  BRIEFING_RECORD_KINDS,
  LIBRARY_KINDS,
  libraryDocumentName,
  readRecord,
  recordsOf,
  touchedRecordIds,
  writeRecord,
  writerOf,
  type LibraryKind,
  type LibraryRecord,
  type RecordMap,
} from '../../src/team/library-document';

/** The origin of document changes copied from the local tables: the projection skips them (the tables have them already). */
export const LOCAL_LIBRARY_ORIGIN = Symbol('local library write');

/** Who is working: the team user the change log names, and whether the server lets them write the library. */
export interface LibraryIdentity {
  user: string;
  mayWrite: boolean;
}

/** Said when a removal's author cannot be told (its delete set has not arrived yet). */
const UNKNOWN_AUTHOR = 'a team member';

/** Where captures go whose bytes travel by the blob store (see snapshot-blobs.ts). */
export interface CaptureBytes {
  /** A capture the documents name whose bytes are not here. */
  missing(id: string, record: LibraryRecord): void;
  /** Capture records were written into the documents from here: their bytes are to go up. */
  published(): void;
}

/** Where briefings go whose records arrived from the team: their bodies' documents are to be followed. */
export interface ArrivingBriefings {
  arrived(briefingIds: readonly string[]): void;
}

interface Shard {
  kind: LibraryKind;
  doc: Y.Doc;
  users: Y.PermanentUserData;
  records: Y.Map<RecordMap>;
}

export class TeamLibrary {
  private readonly shards = new Map<LibraryKind, Shard>();
  private readonly pending = new Map<string, { kind: LibraryKind; id: string }>();
  private waiting: IncomingRecord[] = [];
  private flushTimer: ReturnType<typeof setImmediate> | null = null;
  private generation = 0;
  private closed = false;

  constructor(
    private readonly workspace: () => Workspace,
    private readonly identity: LibraryIdentity,
    private readonly captures: CaptureBytes | null = null,
    private readonly briefings: ArrivingBriefings | null = null,
  ) {}

  /** Grows with every batch projected into the tables, so the page can tell its library reads are stale. */
  get projectedGeneration(): number {
    return this.generation;
  }

  /** Opens every library document, projects what they already hold, and starts following both sides. */
  async start(openDocument: (name: string) => Promise<Y.Doc>): Promise<void> {
    for (const kind of LIBRARY_KINDS) {
      const doc = await openDocument(libraryDocumentName(kind));
      const users = new Y.PermanentUserData(doc);
      // A reader's or reviewer's mapping would be a write the server refuses, left waiting for ever.
      // Deletions are not attributed (the filter): recording them costs a second update per edit
      // that overwrites a field, which would double what the status counts as waiting.
      if (this.identity.mayWrite) users.setUserMapping(doc, doc.clientID, this.identity.user, { filter: () => false });
      const records = recordsOf(doc);
      const shard: Shard = { kind, doc, users, records };
      this.shards.set(kind, shard);
      records.observeDeep((events, transaction) => {
        if (transaction.origin === LOCAL_LIBRARY_ORIGIN) return;
        for (const id of touchedRecordIds(records, events)) this.pending.set(`${kind}|${id}`, { kind, id });
        this.scheduleFlush();
      });
      for (const id of records.keys()) this.pending.set(`${kind}|${id}`, { kind, id });
    }
    this.workspace().libraryProjection.watchLocalWrites();
    this.flush();
    // Shared briefings whose body was not followed yet (a host stopped before it arrived) are followed from now on.
    const shared = [...(this.shards.get('briefings')?.records.keys() ?? [])];
    if (shared.length > 0) this.briefings?.arrived(shared);
  }

  /** Whether the team's documents hold this record (a shared briefing's, or the library's). */
  holds(kind: LibraryKind, id: string): boolean {
    return this.shards.get(kind)?.records.has(id) ?? false;
  }

  /** Projects what arrived since the last flush, in one transaction; records whose parents are missing wait for a later batch. */
  flush(): void {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = null;
    if (this.closed || (this.pending.size === 0 && this.waiting.length === 0)) return;
    // Parents before children (sources before their quotes), whichever document brought them first.
    const touched = [...this.waiting.map(({ kind, id }) => ({ kind, id })), ...this.pending.values()];
    touched.sort((a, b) => LIBRARY_KINDS.indexOf(a.kind) - LIBRARY_KINDS.indexOf(b.kind));
    this.pending.clear();
    const batch: IncomingRecord[] = [];
    for (const { kind, id } of touched) {
      const shard = this.shards.get(kind);
      if (!shard) continue;
      const map = shard.records.get(id);
      batch.push({ kind, id, record: readRecord(kind, map), authorOf: (field) => this.authorOf(shard, map, field) });
    }
    const result = this.workspace().libraryProjection.apply(batch);
    this.waiting = result.waiting;
    if (result.projected > 0) this.generation += 1;
    for (const { id, record } of result.missingCaptures) this.captures?.missing(id, record);
    if (result.arrivedBriefings.length > 0) this.briefings?.arrived(result.arrivedBriefings);
    // The document keeps a refused record (nothing is lost); the host's log says which and why.
    for (const { kind, id, reason } of result.refused) console.error(`A team ${kind} record (${id}) could not be stored here: ${reason}`);
  }

  /** Ids of the captures the team's library holds. */
  captureIds(): string[] {
    return [...(this.shards.get('snapshots')?.records.keys() ?? [])];
  }

  /** A capture's bytes were stored here: the quotes cut from it, projected without it so far, get it now. */
  captureArrived(snapshotId: string): void {
    if (this.closed) return;
    this.generation += 1;
    const quotes = this.shards.get('quotes');
    if (quotes)
      for (const [id, map] of quotes.records)
        if (map.get('snapshot_id') === snapshotId) this.pending.set(`quotes|${id}`, { kind: 'quotes', id });
    this.flush();
  }

  private authorOf(shard: Shard, map: RecordMap | undefined, field: string | null): string {
    if (!map || field === null) return UNKNOWN_AUTHOR;
    const client = writerOf(map, field);
    const user: unknown = client === null ? undefined : shard.users.getUserByClientId(client);
    return typeof user === 'string' ? user : UNKNOWN_AUTHOR;
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.closed) return;
    this.flushTimer = setImmediate(() => this.flush());
  }

  /**
   * Copies local writes (noted by the projection's outbox) into the documents: only the fields
   * that differ, so another analyst's change to another field of the same record survives.
   */
  publishLocalWrites(): number {
    const projection = this.workspace().libraryProjection;
    const writes = projection.takeLocalWrites();
    if (writes.length === 0 || !this.identity.mayWrite) return 0;
    let changed = 0;
    const byKind = new Map<LibraryKind, { id: string; row: LibraryRecord | null }[]>();
    for (const { kind, id } of this.withTypesOfBriefings(writes)) {
      const row = this.withAwaitedCapture(kind, id, projection.read(kind, id));
      // A briefing's records go to the team only once it is shared ("Share with the team"); solo ones stay here.
      if (BRIEFING_RECORD_KINDS.has(kind) && !this.holds(kind, id) && !this.ofSharedBriefing(kind, row)) continue;
      byKind.set(kind, [...(byKind.get(kind) ?? []), { id, row }]);
    }
    const log: LocalChange[] = [];
    for (const [kind, rows] of byKind) {
      const shard = this.shards.get(kind);
      if (!shard) continue;
      transactInChunks(shard.doc, rows, ({ id, row }) => {
        const before = readRecord(kind, shard.records.get(id));
        if (row === null) {
          if (!before) return;
          shard.records.delete(id);
          log.push({ kind, id, changes: [{ field: 'removed', from: null, to: null }] });
        } else {
          const written = writeRecord(shard.records, kind, id, row);
          if (written.length === 0) return;
          const changes =
            before === null
              ? [{ field: 'created', from: null, to: null }]
              : written.map((field) => ({ field, from: before[field], to: row[field] }));
          log.push({ kind, id, changes });
        }
        changed += 1;
      });
    }
    projection.logLocal(this.identity.user, log);
    if (byKind.has('snapshots')) this.captures?.published();
    return changed;
  }

  /**
   * A quote projected without its capture (the bytes are on their way) keeps the document's
   * capture when edited here: its row's empty snapshot_id means "not here yet", not "removed".
   */
  private withAwaitedCapture(kind: LibraryKind, id: string, row: LibraryRecord | null): LibraryRecord | null {
    if (kind !== 'quotes' || row === null || row.snapshot_id !== null) return row;
    const awaited = this.shards.get('quotes')?.records.get(id)?.get('snapshot_id');
    return typeof awaited === 'string' && this.workspace().libraryProjection.read('snapshots', awaited) === null
      ? { ...row, snapshot_id: awaited }
      : row;
  }

  /** Whether a new judgement or evidence link belongs to a briefing already shared with the team. */
  private ofSharedBriefing(kind: LibraryKind, row: LibraryRecord | null): boolean {
    if (row === null) return false;
    const briefingId = this.workspace().libraryProjection.briefingOf(kind, row);
    return briefingId !== null && this.holds('briefings', briefingId);
  }

  /** A shared briefing moved to a custom product type takes the type along (a teammate's row needs it). */
  private withTypesOfBriefings(writes: readonly { kind: LibraryKind; id: string }[]): { kind: LibraryKind; id: string }[] {
    const projection = this.workspace().libraryProjection;
    const types: { kind: LibraryKind; id: string }[] = [];
    for (const { kind, id } of writes) {
      if (kind !== 'briefings' || !this.holds('briefings', id)) continue;
      const typeId = projection.read('briefings', id)?.type_id;
      if (typeof typeId === 'string' && !this.holds('product-types', typeId))
        types.push(...projection.briefingRecords(id).filter((key) => key.kind === 'product-types'));
    }
    return [...types, ...writes];
  }

  /**
   * A briefing shared with the team: its product type (if custom), title block, judgements and
   * their evidence links into the documents. Only records the documents do not hold yet are
   * written, so sharing again, or after a teammate shared the same briefing, overwrites nothing.
   */
  shareBriefing(briefingId: string): { records: number } {
    if (!this.identity.mayWrite) return { records: 0 };
    const projection = this.workspace().libraryProjection;
    let records = 0;
    const keys = projection.briefingRecords(briefingId).filter(({ kind, id }) => !this.holds(kind, id));
    for (const kind of BRIEFING_RECORD_KINDS) {
      const shard = this.shards.get(kind);
      if (!shard) continue;
      const rows = keys.filter((key) => key.kind === kind).map(({ id }) => ({ id, record: projection.read(kind, id) }));
      transactInChunks(shard.doc, rows, ({ id, record }) => {
        if (record && writeRecord(shard.records, kind, id, record).length > 0) records += 1;
      });
    }
    return { records };
  }

  /**
   * "Share with the team": every library row into the documents, ids kept. Only differing fields
   * are written, so sharing twice (or after another analyst shared) changes nothing already there.
   */
  share(): { records: number } {
    if (!this.identity.mayWrite) return { records: 0 };
    const projection = this.workspace().libraryProjection;
    projection.takeLocalWrites();
    let records = 0;
    for (const shard of this.shards.values()) {
      if (BRIEFING_RECORD_KINDS.has(shard.kind)) continue;
      transactInChunks(shard.doc, projection.rows(shard.kind), ({ id, record }) => {
        if (writeRecord(shard.records, shard.kind, id, record).length > 0) records += 1;
      });
    }
    this.captures?.published();
    return { records };
  }

  close(): void {
    this.closed = true;
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = null;
    try {
      this.workspace().libraryProjection.unwatchLocalWrites();
    } catch {
      // The workspace was closed meanwhile (switched, restored): its TEMP triggers went with its connection.
    }
  }
}

/**
 * The team server refuses a message over 1 MB, and each transaction goes out as one message: a
 * large share or import is written in transactions of about this many characters of field text.
 */
const CHUNK_CHARACTERS = 256 * 1024;

function recordCharacters(item: { record?: LibraryRecord | null; row?: LibraryRecord | null }): number {
  const record = item.record ?? item.row;
  if (!record) return 64;
  let characters = 64;
  for (const value of Object.values(record)) characters += typeof value === 'string' ? value.length + 16 : 16;
  return characters;
}

function transactInChunks<T extends { record?: LibraryRecord | null; row?: LibraryRecord | null }>(
  doc: Y.Doc,
  items: Iterable<T>,
  write: (item: T) => void,
): void {
  let chunk: T[] = [];
  let characters = 0;
  const flush = (): void => {
    const writing = chunk;
    chunk = [];
    characters = 0;
    if (writing.length > 0) doc.transact(() => writing.forEach(write), LOCAL_LIBRARY_ORIGIN);
  };
  for (const item of items) {
    chunk.push(item);
    characters += recordCharacters(item);
    if (characters >= CHUNK_CHARACTERS) flush();
  }
  flush();
}
