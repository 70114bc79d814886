// The team library as Yjs documents: one document per record kind, holding one Y.Map per record
// with one entry per field, so two analysts changing different fields of one record both keep
// their change (last writer wins per field, not per record). Field names are the table's column
// names, so the projection into SQLite is a rename-free copy.
import * as Y from 'yjs';

/** A field's value as a document holds it: JSON scalars only (lists and objects go in as JSON text). */
export type FieldValue = string | number | boolean | null;
/** One record's fields by column name; the record's id is its key in the document, not a field. */
export type LibraryRecord = Readonly<Record<string, FieldValue>>;

export const LIBRARY_KINDS = ['sources', 'tags', 'snapshots', 'quotes', 'tag-links', 'derivations'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/**
 * The fields each kind carries. Snapshots carry what identifies the bytes (hash, name, type, size,
 * capture facts), never the bytes or their extracted text: those travel by the blob store.
 */
export const LIBRARY_FIELDS: Readonly<Record<LibraryKind, readonly string[]>> = {
  sources: [
    'title',
    'kind',
    'url',
    'author',
    'author_names',
    'publisher',
    'published_date',
    'accessed_date',
    'language',
    'reliability',
    'notes',
    'created_at',
    'updated_at',
    'deleted_at',
  ],
  tags: ['path', 'color', 'created_at'],
  snapshots: [
    'source_id',
    'file_name',
    'media_type',
    'size',
    'sha256',
    'captured_at',
    'encoding',
    'text_notice',
    'ocr',
    'archive_format',
    'archived_url',
    'archived_at',
  ],
  quotes: [
    'source_id',
    'snapshot_id',
    'text',
    'start_offset',
    'end_offset',
    'page',
    'region',
    'paragraph',
    'timestamp',
    'speaker',
    'date_said',
    'credibility',
    'verbatim',
    'note',
    'created_at',
    'updated_at',
    'deleted_at',
  ],
  'tag-links': ['item_kind', 'item_id', 'tag_id'],
  derivations: ['source_id', 'origin_id', 'created_at'],
};

/** Fields that change with every edit: kept in the document, left out of the change log. */
export const UNLOGGED_FIELDS: ReadonlySet<string> = new Set(['updated_at']);

/** The team document a kind lives in. One shard per kind for now (ARCHITECTURE.md says what sharding by id would add). */
export function libraryDocumentName(kind: LibraryKind): string {
  return `library/${kind}`;
}

export function libraryKindOf(documentName: string): LibraryKind | null {
  const kind = documentName.slice('library/'.length);
  return documentName.startsWith('library/') && (LIBRARY_KINDS as readonly string[]).includes(kind) ? (kind as LibraryKind) : null;
}

/** The key of a tag link: which item carries which tag. */
export function tagLinkId(itemKind: 'source' | 'quote', itemId: string, tagId: string): string {
  return `${itemKind}|${itemId}|${tagId}`;
}

/** The key of a derived-from link: `sourceId` is derived from `originId`. */
export function derivationId(sourceId: string, originId: string): string {
  return `${sourceId}|${originId}`;
}

export type RecordMap = Y.Map<FieldValue>;

/** The map of records (id → record map) inside a library document. */
export function recordsOf(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>('records');
}

/** A record map's fields, or null when the map is missing. Unknown entries are ignored. */
export function readRecord(kind: LibraryKind, map: RecordMap | undefined): LibraryRecord | null {
  if (!map) return null;
  const record: Record<string, FieldValue> = {};
  for (const field of LIBRARY_FIELDS[kind]) {
    const value = map.get(field);
    record[field] = value === undefined ? null : value;
  }
  return record;
}

/**
 * Writes the fields of `record` that differ from the document's (inside the caller's
 * transaction), creating the record's map when it is new; returns the names of the fields written.
 * Writing only differences is what makes two analysts' edits of different fields both survive,
 * and seeding twice a no-op.
 */
export function writeRecord(records: Y.Map<RecordMap>, kind: LibraryKind, id: string, record: LibraryRecord): string[] {
  let map = records.get(id);
  const fresh = map === undefined;
  if (!map) {
    map = new Y.Map<FieldValue>();
    records.set(id, map);
  }
  const written: string[] = [];
  for (const field of LIBRARY_FIELDS[kind]) {
    const value = record[field] ?? null;
    if (!fresh && map.has(field) && map.get(field) === value) continue;
    map.set(field, value);
    written.push(field);
  }
  return written;
}

/** Ids of the records a batch of deep events touched (added, changed or removed). */
export function touchedRecordIds(records: Y.Map<RecordMap>, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.target === records) {
      for (const key of event.keys.keys()) ids.add(key);
    } else {
      const id = event.path[0];
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}

/** The client that last wrote `field` of a record (for attribution through PermanentUserData). */
export function writerOf(map: RecordMap, field: string): number | null {
  const item = map._map.get(field);
  return item ? item.id.client : null;
}

/** A field's value as the change log writes it. */
export function fieldText(value: FieldValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  return String(value);
}
