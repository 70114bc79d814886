import type Database from 'better-sqlite3';

/** A quote or whole source as evidence shows it: its words (or title), whether it is in the trash, its grades. */
export interface EvidenceTargetRow {
  text: string;
  deleted: number;
  source_id: string;
  title: string;
  reliability: string | null;
  credibility: string | null;
}

const QUOTE_TARGET = `SELECT q.text, (q.deleted_at IS NOT NULL OR s.deleted_at IS NOT NULL) AS deleted, q.source_id, s.title, s.reliability, q.credibility
  FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ?`;
const SOURCE_TARGET =
  'SELECT title AS text, deleted_at IS NOT NULL AS deleted, id AS source_id, title, reliability, NULL AS credibility FROM sources WHERE id = ?';

/**
 * Reads what a judgement's evidence link or a matrix item points at, resolved on every read so a
 * trashed item shows as such; undefined when it was purged.
 */
export function readEvidenceTarget(db: Database.Database, kind: 'quote' | 'source', id: string | null): EvidenceTargetRow | undefined {
  return db.prepare(kind === 'quote' ? QUOTE_TARGET : SOURCE_TARGET).get(id) as EvidenceTargetRow | undefined;
}
