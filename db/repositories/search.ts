import type Database from 'better-sqlite3';
import { MATCH_END, MATCH_START, type SearchResults } from '../../src/domain/search';
import type { SourceFilter } from '../../src/domain/source';
import { isEmptyQuery, parseSearchQuery, type ParsedQuery } from '../../src/search/query';
import { sourceFilterSql } from './sources';
import { taggedWithin } from '../tag-refs';

/**
 * Ranking every match of a very common word by bm25 grows with the library (hundreds of ms at
 * a million quotes). As-you-type search ranks at most this many of the newest matches instead,
 * and says the count is capped.
 */
export const CANDIDATE_CAP = 2000;
/** With a filter, fewer: each candidate costs a join, and a selective filter walks many matches. */
export const FILTERED_CANDIDATE_CAP = 500;

function hasFilter(filter: SourceFilter): boolean {
  return Boolean(filter.kinds?.length || filter.reliability?.length || filter.tagId || filter.publishedFrom || filter.publishedTo);
}
const SNIPPET_TOKENS = 14;
const CJK_CONTEXT = 40;

interface Candidate {
  num: number;
  score: number;
}

/** Search over sources and quotes: word index, CJK pair index, filters, ranked, with snippets. */
export class SearchRepository {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Statements are prepared once per shape: a search runs dozens of them as you type. */
  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  search(text: string, filter: SourceFilter, limit: number): SearchResults {
    const query = parseSearchQuery(text);
    if (isEmptyQuery(query)) return { sources: { items: [], total: 0, capped: false }, quotes: { items: [], total: 0, capped: false } };
    return { sources: this.sources(query, filter, limit), quotes: this.quotes(query, filter, limit) };
  }

  /**
   * The newest matches with their bm25 scores. The indexes hold live rows only, so without a
   * filter the full-text table answers alone; a filter joins the rows it needs.
   */
  private candidates(
    query: ParsedQuery,
    tables: { words: string; cjk: string; weights: string },
    join: string,
    filter: { where: string; params: unknown[] } | null,
  ): Candidate[] {
    const from = filter ? `${join} WHERE` : 'WHERE';
    const extra = filter ? ` AND ${filter.where}` : '';
    const cjk = query.cjk === null ? '' : ` AND f.rowid IN (SELECT rowid FROM ${tables.cjk} WHERE ${tables.cjk} MATCH ?)`;
    const sql =
      query.words !== null
        ? `SELECT f.rowid AS num, bm25(${tables.words}, ${tables.weights}) AS score FROM ${tables.words} f ${from} ${tables.words} MATCH ?${cjk}${extra} ORDER BY f.rowid DESC LIMIT ${filter ? FILTERED_CANDIDATE_CAP : CANDIDATE_CAP}`
        : `SELECT f.rowid AS num, bm25(${tables.cjk}) AS score FROM ${tables.cjk} f ${from} ${tables.cjk} MATCH ?${extra} ORDER BY f.rowid DESC LIMIT ${filter ? FILTERED_CANDIDATE_CAP : CANDIDATE_CAP}`;
    const matchParams = query.words !== null ? [query.words, ...(query.cjk === null ? [] : [query.cjk])] : [query.cjk];
    return this.prepare(sql).all(...matchParams, ...(filter?.params ?? [])) as Candidate[];
  }

  private top(candidates: Candidate[], limit: number): Candidate[] {
    return [...candidates].sort((a, b) => a.score - b.score || b.num - a.num).slice(0, limit);
  }

  private sources(query: ParsedQuery, filter: SourceFilter, limit: number): SearchResults['sources'] {
    const candidates = this.candidates(
      query,
      { words: 'sources_fts', cjk: 'sources_cjk', weights: '10.0, 4.0, 3.0, 1.0, 0.5' },
      'JOIN sources s ON s.num = f.rowid',
      hasFilter(filter) ? sourceFilterSql(filter, 's') : null,
    );
    const row = this.prepare(
      "SELECT s.id, s.title, s.kind, s.reliability, s.author, s.publisher, s.notes, coalesce(sn.text, '') AS snapshot FROM sources s LEFT JOIN snapshots sn ON sn.source_id = s.id WHERE s.num = ?",
    );
    const items = this.top(candidates, limit).map(({ num }) => {
      const source = row.get(num) as { id: string; title: string; kind: SearchResults['sources']['items'][number]['kind']; reliability: SearchResults['sources']['items'][number]['reliability']; author: string; publisher: string; notes: string; snapshot: string };
      const snippet = this.wordSnippet('sources_fts', -1, query, num) ?? cjkSnippet(query, [source.title, source.author, source.publisher, source.notes, source.snapshot]);
      return { id: source.id, title: source.title, kind: source.kind, reliability: source.reliability, snippet };
    });
    return { items, total: candidates.length, capped: candidates.length >= (hasFilter(filter) ? FILTERED_CANDIDATE_CAP : CANDIDATE_CAP) };
  }

  private quotes(query: ParsedQuery, filter: SourceFilter, limit: number): SearchResults['quotes'] {
    const { tagId, ...sourceOnly } = filter;
    const source = sourceFilterSql(sourceOnly, 's');
    const clauses = ['q.deleted_at IS NULL', source.where];
    const params = [...source.params];
    if (tagId) {
      clauses.push(taggedWithin('quote', 'q.id'));
      params.push(tagId);
    }
    const candidates = this.candidates(
      query,
      { words: 'quotes_fts', cjk: 'quotes_cjk', weights: '4.0, 2.0, 1.0' },
      'JOIN quotes q ON q.num = f.rowid JOIN sources s ON s.id = q.source_id',
      hasFilter(filter) ? { where: clauses.join(' AND '), params } : null,
    );
    const row = this.prepare(
      'SELECT q.id, q.source_id AS sourceId, s.title AS sourceTitle, s.reliability, q.credibility, q.text, q.speaker, q.note FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.num = ?',
    );
    const items = this.top(candidates, limit).map(({ num }) => {
      const quote = row.get(num) as SearchResults['quotes']['items'][number] & { text: string; speaker: string; note: string };
      const snippet = this.wordSnippet('quotes_fts', 0, query, num) ?? cjkSnippet(query, [quote.text, quote.speaker, quote.note]);
      return { id: quote.id, sourceId: quote.sourceId, sourceTitle: quote.sourceTitle, reliability: quote.reliability, credibility: quote.credibility, snippet };
    });
    return { items, total: candidates.length, capped: candidates.length >= (hasFilter(filter) ? FILTERED_CANDIDATE_CAP : CANDIDATE_CAP) };
  }

  /** FTS5's own snippet for one row (a rowid seek), when the query has words. */
  private wordSnippet(table: string, column: number, query: ParsedQuery, num: number): string | null {
    if (query.words === null) return null;
    const snippet = this
      .prepare(`SELECT snippet(${table}, ${column}, ?, ?, '…', ${SNIPPET_TOKENS}) FROM ${table} WHERE ${table} MATCH ? AND rowid = ?`)
      .pluck()
      .get(MATCH_START, MATCH_END, query.words, num) as string | undefined;
    return snippet ?? null;
  }
}

/** A snippet around the first CJK run found, cut from the first field that holds it. */
function cjkSnippet(query: ParsedQuery, fields: string[]): string {
  for (const field of fields) {
    const normalised = field.normalize('NFKC');
    for (const run of query.cjkRuns) {
      const at = normalised.indexOf(run);
      if (at < 0) continue;
      const start = Math.max(0, at - CJK_CONTEXT);
      const end = Math.min(normalised.length, at + run.length + CJK_CONTEXT);
      return `${start > 0 ? '…' : ''}${normalised.slice(start, at)}${MATCH_START}${run}${MATCH_END}${normalised.slice(at + run.length, end)}${end < normalised.length ? '…' : ''}`;
    }
  }
  return fields[0]?.slice(0, CJK_CONTEXT * 2) ?? '';
}
