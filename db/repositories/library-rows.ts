import type Database from 'better-sqlite3';
import { LIBRARY_FIELDS, type LibraryKind, type LibraryRecord } from '../../src/team/library-fields';

/** A library row as a team document record: its id (the document key) and its fields by column name. */
export interface KeyedRecord {
  id: string;
  record: LibraryRecord;
}

/** Each kind's rows with an `id` column and the kind's fields (links get a composite id, as in the document). */
const ALL_ROWS: Readonly<Record<LibraryKind, string>> = {
  sources: `SELECT id, ${LIBRARY_FIELDS.sources.join(', ')} FROM sources`,
  tags: `SELECT id, ${LIBRARY_FIELDS.tags.join(', ')} FROM tags`,
  snapshots: `SELECT id, ${LIBRARY_FIELDS.snapshots.join(', ')} FROM snapshots`,
  quotes: `SELECT id, ${LIBRARY_FIELDS.quotes.join(', ')} FROM quotes`,
  'tag-links': `SELECT 'source|' || source_id || '|' || tag_id AS id, 'source' AS item_kind, source_id AS item_id, tag_id FROM source_tags
    UNION ALL SELECT 'quote|' || quote_id || '|' || tag_id AS id, 'quote' AS item_kind, quote_id AS item_id, tag_id FROM quote_tags`,
  derivations: `SELECT source_id || '|' || origin_id AS id, source_id, origin_id, created_at FROM source_derivations`,
  'product-types': `SELECT id, ${LIBRARY_FIELDS['product-types'].join(', ')} FROM product_types`,
  briefings: `SELECT id, ${LIBRARY_FIELDS.briefings.join(', ')} FROM briefings`,
  judgements: `SELECT id, ${LIBRARY_FIELDS.judgements.join(', ')} FROM judgements`,
  'evidence-links': `SELECT id, ${LIBRARY_FIELDS['evidence-links'].join(', ')} FROM evidence_links`,
};

/** One row by its document id; links are split back into their columns. */
function oneRow(db: Database.Database, kind: LibraryKind, id: string): Record<string, unknown> | undefined {
  if (kind === 'tag-links') {
    const [itemKind, itemId, tagId] = id.split('|');
    if (itemKind !== 'source' && itemKind !== 'quote') return undefined;
    const table = itemKind === 'source' ? 'source_tags' : 'quote_tags';
    const column = itemKind === 'source' ? 'source_id' : 'quote_id';
    const found = db.prepare(`SELECT 1 FROM ${table} WHERE ${column} = ? AND tag_id = ?`).get(itemId, tagId);
    return found === undefined ? undefined : { id, item_kind: itemKind, item_id: itemId, tag_id: tagId };
  }
  if (kind === 'derivations') {
    const [sourceId, originId] = id.split('|');
    return db
      .prepare(
        `SELECT source_id || '|' || origin_id AS id, source_id, origin_id, created_at FROM source_derivations WHERE source_id = ? AND origin_id = ?`,
      )
      .get(sourceId, originId) as Record<string, unknown> | undefined;
  }
  return db.prepare(`${ALL_ROWS[kind]} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

function toRecord(kind: LibraryKind, row: Record<string, unknown>): LibraryRecord {
  const record: Record<string, string | number | null> = {};
  for (const field of LIBRARY_FIELDS[kind]) {
    const value = row[field];
    record[field] = typeof value === 'string' || typeof value === 'number' ? value : null;
  }
  return record;
}

/** The record of one row as its team document holds it, or null when there is no such row. */
export function readLibraryRow(db: Database.Database, kind: LibraryKind, id: string): LibraryRecord | null {
  const row = oneRow(db, kind, id);
  return row === undefined ? null : toRecord(kind, row);
}

/** Every row of a kind, streamed (a library of a million quotes is not read into memory at once). */
export function* readLibraryRows(db: Database.Database, kind: LibraryKind): Generator<KeyedRecord> {
  for (const row of db.prepare(ALL_ROWS[kind]).iterate() as IterableIterator<Record<string, unknown>>) {
    yield { id: String(row.id), record: toRecord(kind, row) };
  }
}

/**
 * The records a shared briefing takes into the documents: its custom product type (built-in ones
 * are in every workspace), itself, its judgements (trashed ones too, so a restore travels) and
 * their evidence links; parents first.
 */
export function briefingRecordKeys(db: Database.Database, briefingId: string): { kind: LibraryKind; id: string }[] {
  const keys: { kind: LibraryKind; id: string }[] = [];
  const briefing = db
    .prepare('SELECT b.type_id, t.built_in FROM briefings b JOIN product_types t ON t.id = b.type_id WHERE b.id = ?')
    .get(briefingId) as { type_id: string; built_in: number } | undefined;
  if (!briefing) return keys;
  if (briefing.built_in === 0) keys.push({ kind: 'product-types', id: briefing.type_id });
  keys.push({ kind: 'briefings', id: briefingId });
  const judgements = db
    .prepare('SELECT id FROM judgements WHERE briefing_id = ? ORDER BY position, num')
    .pluck()
    .all(briefingId) as string[];
  for (const id of judgements) keys.push({ kind: 'judgements', id });
  const links = db
    .prepare('SELECT l.id FROM evidence_links l JOIN judgements j ON j.id = l.judgement_id WHERE j.briefing_id = ? ORDER BY l.num')
    .pluck()
    .all(briefingId) as string[];
  for (const id of links) keys.push({ kind: 'evidence-links', id });
  return keys;
}

/** The briefing a briefing record belongs to, read from the row (null: no such row, or a product type). */
export function briefingOfRecord(db: Database.Database, kind: LibraryKind, record: LibraryRecord): string | null {
  if (kind === 'briefings') return null;
  if (kind === 'judgements') return typeof record.briefing_id === 'string' ? record.briefing_id : null;
  if (kind === 'evidence-links') {
    const briefing = db.prepare('SELECT briefing_id FROM judgements WHERE id = ?').pluck().get(record.judgement_id) as string | undefined;
    return briefing ?? null;
  }
  return null;
}
