import type Database from 'better-sqlite3';
import type { CitationRef, CitationTarget } from '../../src/domain/briefing';
import { combinedGrade } from '../../src/domain/quote';

interface QuoteRow {
  id: string;
  text: string;
  deleted: number;
  title: string;
  reliability: string | null;
  credibility: string | null;
}

/**
 * What citations point at, as the editor shows them. A target in the trash (or gone for good)
 * comes back as `trashed`/`missing`, so the citation shows as broken until it is restored.
 */
export class CitationRepository {
  constructor(private readonly db: Database.Database) {}

  resolve(refs: readonly CitationRef[]): CitationTarget[] {
    const quote = this.db.prepare(
      `SELECT q.id, q.text, (q.deleted_at IS NOT NULL OR s.deleted_at IS NOT NULL) AS deleted, s.title, s.reliability, q.credibility
       FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ?`,
    );
    const source = this.db.prepare(
      'SELECT id, title AS text, deleted_at IS NOT NULL AS deleted, title, reliability, NULL AS credibility FROM sources WHERE id = ?',
    );
    return refs.map((ref) => {
      const row = (ref.kind === 'quote' ? quote : source).get(ref.id) as QuoteRow | undefined;
      if (!row) return { ...ref, state: 'missing', text: '', sourceTitle: '', grade: '' };
      return {
        ...ref,
        state: row.deleted ? 'trashed' : 'live',
        text: row.text,
        sourceTitle: row.title,
        grade: ref.kind === 'quote' ? combinedGrade(row.reliability, row.credibility) : (row.reliability ?? '?'),
      };
    });
  }
}
