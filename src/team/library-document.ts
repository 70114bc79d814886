// The team library as Yjs documents: one document per record kind, holding one Y.Map per record
// with one entry per field, so two analysts changing different fields of one record both keep
// their change (last writer wins per field, not per record). Field names are the table's column
// names, so the projection into SQLite is a rename-free copy.
import * as Y from 'yjs';
import { LIBRARY_FIELDS, type FieldValue, type LibraryKind, type LibraryRecord } from './library-fields';

export * from './library-fields';

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
