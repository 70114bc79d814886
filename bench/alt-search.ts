import type Database from 'better-sqlite3';
import { CANDIDATE_CAP, FILTERED_CANDIDATE_CAP } from '../db/repositories/search';
import { sourceFilterSql } from '../db/repositories/sources';
import { MATCH_END, MATCH_START, type SearchResults } from '../src/domain/search';
import { type SourceFilter } from '../src/domain/source';
import { isEmptyQuery, parseSearchQuery, type ParsedQuery } from '../src/search/query';

/**
 * A proposed rewrite of db/repositories/search.ts, run here only to measure it against the
 * product on the same file. Same results shape. Points 1 and 2 are what search.ts does since
 * commit 96b05cc (and, like it, at most FILTERED_CANDIDATE_CAP candidates with a filter, since
 * 9d8e389); 3–5 are the proposals still open:
 *
 * 1. Every statement is prepared once and reused.
 * 2. Without filters, candidates come from the FTS5 table alone (no joins): the newest
 *    CANDIDATE_CAP matches with bm25 (the indexes hold live rows only).
 * 3. With filters, only the newest `scanCap` matches are examined (a rowid bound FTS5 can use),
 *    so a selective filter on a very common word cannot walk the whole doclist. `capped` is
 *    then true, as for the candidate cap. Tag filters test each candidate's own tag links
 *    against the tag's subtree ids (resolved once, in JS) with `+l.tag_id IN (…)`, so SQLite
 *    reads the candidate's few links instead of probing the link key once per subtree tag.
 * 4. Prefix queries (miss*) get their snippets from one statement over the shown rows' rowid
 *    range: FTS5 expands a prefix into all its terms on every MATCH, so one snippet statement per
 *    row repeats that expansion up to 40 times.
 * 5. Optionally (`recency`), no bm25 while a word is being typed (a prefix term) or when every
 *    word is very common (in ≥ 10% of quotes, where bm25's IDF is near zero): newest first.
 *    bm25 counts every match of each phrase once per query to get its IDF, whatever the cap,
 *    so ranking costs O(matches) even when only the newest 2,000 are scored. Document
 *    frequencies come from a table read once (`docFrequency`), as the product would cache them:
 *    fts5vocab counts a term's documents by walking its doclist, so asking it per query costs
 *    as much as the ranking saved.
 */
export class ProposedSearch {
  private readonly statements = new Map<string, Database.Statement>();

  private readonly quoteCount: number;
  /** Milliseconds the last search spent in snippet statements. */
  lastSnippetMs = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly options: { scanCap: number; recency: boolean; docFrequency: ReadonlyMap<string, number> },
  ) {
    this.quoteCount = db.prepare('SELECT count(*) FROM quotes').pluck().get() as number;
  }

  /** Whether this query is ordered newest first instead of by bm25 (option 5). */
  private byRecency(query: ParsedQuery): boolean {
    if (!this.options.recency || query.words === null) return false;
    if (query.words.includes('"*')) return true;
    return query.terms.length > 0 && query.terms.every((term) => (this.options.docFrequency.get(term.toLowerCase()) ?? 0) >= this.quoteCount * 0.1);
  }

  search(text: string, filter: SourceFilter, limit: number): SearchResults {
    const query = parseSearchQuery(text);
    this.lastSnippetMs = 0;
    if (isEmptyQuery(query)) return { sources: { items: [], total: 0, capped: false }, quotes: { items: [], total: 0, capped: false } };
    const tagIds = filter.tagId ? this.subtree(filter.tagId) : null;
    return { sources: this.sources(query, filter, tagIds, limit), quotes: this.quotes(query, filter, tagIds, limit) };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private subtree(tagId: string): string {
    const ids = this.statement(
      `SELECT c.id FROM tags c JOIN tags root ON root.id = ? WHERE c.path_key = root.path_key OR substr(c.path_key, 1, length(root.path_key) + 1) = root.path_key || '/'`,
    )
      .pluck()
      .all(tagId) as string[];
    return JSON.stringify(ids);
  }

  private candidates(
    query: ParsedQuery,
    tables: { words: string; cjk: string; weights: string },
    filtered: { join: string; where: string; params: unknown[] } | null,
  ): { rows: { num: number; score: number }[]; capped: boolean } {
    const table = query.words !== null ? tables.words : tables.cjk;
    const score = this.byRecency(query) ? '0' : query.words !== null ? `bm25(${tables.words}, ${tables.weights})` : `bm25(${tables.cjk})`;
    const also = query.words !== null && query.cjk !== null ? ` AND f.rowid IN (SELECT rowid FROM ${tables.cjk} WHERE ${tables.cjk} MATCH @cjk)` : '';
    const named = { match: query.words ?? query.cjk, ...(also === '' ? {} : { cjk: query.cjk }) };
    if (filtered === null) {
      const rows = this.statement(`SELECT f.rowid AS num, ${score} AS score FROM ${table} f WHERE ${table} MATCH @match${also} ORDER BY f.rowid DESC LIMIT ${CANDIDATE_CAP}`).all(named) as {
        num: number;
        score: number;
      }[];
      return { rows, capped: rows.length >= CANDIDATE_CAP };
    }
    const bound = `(SELECT min(rowid) FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH @match ORDER BY rowid DESC LIMIT ${this.options.scanCap}))`;
    const scanned = this.statement(`SELECT count(*) FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH @match ORDER BY rowid DESC LIMIT ${this.options.scanCap})`)
      .pluck()
      .get({ match: named.match }) as number;
    const rows = this.statement(
      `SELECT f.rowid AS num, ${score} AS score FROM ${table} f ${filtered.join}
       WHERE ${table} MATCH @match${also} AND f.rowid >= coalesce(${bound}, 0) AND ${filtered.where} ORDER BY f.rowid DESC LIMIT ${FILTERED_CANDIDATE_CAP}`,
    ).all(...filtered.params, named) as { num: number; score: number }[];
    return { rows, capped: rows.length >= FILTERED_CANDIDATE_CAP || scanned >= this.options.scanCap };
  }

  private ranked(rows: { num: number; score: number }[]): { num: number; score: number }[] {
    return [...rows].sort((a, b) => a.score - b.score || b.num - a.num);
  }

  private sources(query: ParsedQuery, filter: SourceFilter, tagIds: string | null, limit: number): SearchResults['sources'] {
    const { tagId: _tag, ...sourceOnly } = filter;
    const hasFilter = Object.values(filter).some((value) => value !== undefined && !(Array.isArray(value) && value.length === 0));
    let filtered: { join: string; where: string; params: unknown[] } | null = null;
    if (hasFilter) {
      const { where, params } = sourceFilterSql(sourceOnly, 's');
      const clauses = [where];
      if (tagIds !== null) {
        clauses.push('EXISTS (SELECT 1 FROM source_tags l WHERE l.source_id = s.id AND +l.tag_id IN (SELECT value FROM json_each(?)))');
        params.push(tagIds);
      }
      filtered = { join: 'JOIN sources s ON s.num = f.rowid', where: clauses.join(' AND '), params };
    }
    const { rows, capped } = this.candidates(query, { words: 'sources_fts', cjk: 'sources_cjk', weights: '10.0, 4.0, 3.0, 1.0, 0.5' }, filtered);
    const row = this.statement(
      "SELECT s.id, s.title, s.kind, s.reliability, s.author, s.publisher, s.notes, coalesce(sn.text, '') AS snapshot FROM sources s LEFT JOIN snapshots sn ON sn.source_id = s.id WHERE s.num = ? AND s.deleted_at IS NULL",
    );
    type SourceRow = { num: number; id: string; title: string; kind: SearchResults['sources']['items'][number]['kind']; reliability: SearchResults['sources']['items'][number]['reliability']; author: string; publisher: string; notes: string; snapshot: string };
    const shown: SourceRow[] = [];
    for (const { num } of this.ranked(rows)) {
      if (shown.length >= limit) break;
      const source = row.get(num) as Omit<SourceRow, 'num'> | undefined;
      if (source) shown.push({ num, ...source });
    }
    const snippets = this.wordSnippets('sources_fts', -1, query, shown.map((source) => source.num));
    const items = shown.map((source) => ({
      id: source.id,
      title: source.title,
      kind: source.kind,
      reliability: source.reliability,
      snippet: snippets.get(source.num) ?? cjkSnippet(query, [source.title, source.author, source.publisher, source.notes, source.snapshot]),
    }));
    return { items, total: rows.length, capped };
  }

  private quotes(query: ParsedQuery, filter: SourceFilter, tagIds: string | null, limit: number): SearchResults['quotes'] {
    const { tagId: _tag, ...sourceOnly } = filter;
    const hasFilter = Object.values(filter).some((value) => value !== undefined && !(Array.isArray(value) && value.length === 0));
    let filtered: { join: string; where: string; params: unknown[] } | null = null;
    if (hasFilter) {
      const source = sourceFilterSql(sourceOnly, 's');
      const clauses = ['q.deleted_at IS NULL', source.where];
      const params = [...source.params];
      if (tagIds !== null) {
        clauses.push('EXISTS (SELECT 1 FROM quote_tags l WHERE l.quote_id = q.id AND +l.tag_id IN (SELECT value FROM json_each(?)))');
        params.push(tagIds);
      }
      filtered = { join: 'JOIN quotes q ON q.num = f.rowid JOIN sources s ON s.id = q.source_id', where: clauses.join(' AND '), params };
    }
    const { rows, capped } = this.candidates(query, { words: 'quotes_fts', cjk: 'quotes_cjk', weights: '4.0, 2.0, 1.0' }, filtered);
    const row = this.statement(
      'SELECT q.id, q.source_id AS sourceId, s.title AS sourceTitle, s.reliability, q.credibility, q.text, q.speaker, q.note FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.num = ? AND q.deleted_at IS NULL AND s.deleted_at IS NULL',
    );
    type QuoteRow = SearchResults['quotes']['items'][number] & { num: number; text: string; speaker: string; note: string };
    const shown: QuoteRow[] = [];
    for (const { num } of this.ranked(rows)) {
      if (shown.length >= limit) break;
      const quote = row.get(num) as Omit<QuoteRow, 'num'> | undefined;
      if (quote) shown.push({ num, ...quote });
    }
    const snippets = this.wordSnippets('quotes_fts', 0, query, shown.map((quote) => quote.num));
    const items = shown.map((quote) => ({
      id: quote.id,
      sourceId: quote.sourceId,
      sourceTitle: quote.sourceTitle,
      reliability: quote.reliability,
      credibility: quote.credibility,
      snippet: snippets.get(quote.num) ?? cjkSnippet(query, [quote.text, quote.speaker, quote.note]),
    }));
    return { items, total: rows.length, capped };
  }

  /** FTS5 snippets of the shown rows: one rowid seek each, or one range statement for prefix queries. */
  private wordSnippets(table: string, column: number, query: ParsedQuery, nums: number[]): Map<number, string> {
    const started = process.hrtime.bigint();
    try {
      return this.snippetRows(table, column, query, nums);
    } finally {
      this.lastSnippetMs += Number(process.hrtime.bigint() - started) / 1e6;
    }
  }

  private snippetRows(table: string, column: number, query: ParsedQuery, nums: number[]): Map<number, string> {
    const snippets = new Map<number, string>();
    if (query.words === null || nums.length === 0) return snippets;
    const select = `SELECT rowid AS num, snippet(${table}, ${column}, @start, @end, '…', 14) AS snippet FROM ${table} WHERE ${table} MATCH @match`;
    const marks = { start: MATCH_START, end: MATCH_END, match: query.words };
    if (query.words.includes('"*')) {
      const rows = this.statement(`${select} AND rowid BETWEEN @low AND @high AND (rowid + 0) IN (SELECT value FROM json_each(@nums))`).all({
        ...marks,
        low: Math.min(...nums),
        high: Math.max(...nums),
        nums: JSON.stringify(nums),
      }) as { num: number; snippet: string }[];
      for (const row of rows) snippets.set(row.num, row.snippet);
      return snippets;
    }
    const one = this.statement(`${select} AND rowid = @num`);
    for (const num of nums) {
      const row = one.get({ ...marks, num }) as { num: number; snippet: string } | undefined;
      if (row) snippets.set(num, row.snippet);
    }
    return snippets;
  }
}

/** The CJK snippet of search.ts (module-private there), copied. */
function cjkSnippet(query: ParsedQuery, fields: string[]): string {
  for (const field of fields) {
    const normalised = field.normalize('NFKC');
    for (const run of query.cjkRuns) {
      const at = normalised.indexOf(run);
      if (at < 0) continue;
      const start = Math.max(0, at - 40);
      const end = Math.min(normalised.length, at + run.length + 40);
      return `${start > 0 ? '…' : ''}${normalised.slice(start, at)}${MATCH_START}${run}${MATCH_END}${normalised.slice(at + run.length, end)}${end < normalised.length ? '…' : ''}`;
    }
  }
  return fields[0]?.slice(0, 80) ?? '';
}
