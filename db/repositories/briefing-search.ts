import type Database from 'better-sqlite3';
import type { BriefingHits } from '../../src/domain/briefing-search';
import { MATCH_END, MATCH_START } from '../../src/domain/search';
import { isEmptyQuery, parseSearchQuery } from '../../src/search/query';

const CAP = 500;
const SNIPPET_TOKENS = 14;

/**
 * Briefings found by title and body text, as their own result group beside sources and quotes.
 * Kept apart from the library's SearchRepository so each can change on its own.
 */
export class BriefingSearchRepository {
  /** `catchUp` brings the index up to date with autosaves made since it was last read. */
  constructor(
    private readonly db: Database.Database,
    private readonly catchUp: () => void,
  ) {}

  search(text: string, limit: number): BriefingHits {
    const query = parseSearchQuery(text);
    // CJK-only queries have no word expression; the briefing index is words only, for now.
    if (isEmptyQuery(query) || query.words === null) return { items: [], total: 0, capped: false };
    this.catchUp();
    const candidates = this.db
      .prepare(
        `SELECT rowid AS num, bm25(briefings_fts, 5.0, 1.0) AS score FROM briefings_fts WHERE briefings_fts MATCH ? ORDER BY rowid DESC LIMIT ${CAP}`,
      )
      .all(query.words) as { num: number; score: number }[];
    const top = [...candidates].sort((a, b) => a.score - b.score || b.num - a.num).slice(0, limit);
    const row = this.db.prepare(
      'SELECT b.id, b.title, b.status, t.name AS typeName FROM briefings b JOIN product_types t ON t.id = b.type_id WHERE b.num = ?',
    );
    const snippet = this.db
      .prepare(
        `SELECT snippet(briefings_fts, 1, ?, ?, '…', ${SNIPPET_TOKENS}) FROM briefings_fts WHERE briefings_fts MATCH ? AND rowid = ?`,
      )
      .pluck();
    const items = top.map(({ num }) => {
      const briefing = row.get(num) as { id: string; title: string; status: BriefingHits['items'][number]['status']; typeName: string };
      return { ...briefing, snippet: (snippet.get(MATCH_START, MATCH_END, query.words, num) as string | undefined) ?? '' };
    });
    return { items, total: candidates.length, capped: candidates.length >= CAP };
  }
}
