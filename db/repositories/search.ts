import type Database from 'better-sqlite3';
import type { SearchOrder, SearchResults } from '../../src/domain/search';
import type { SourceFilter } from '../../src/domain/source';
import { cjkRunQuery } from '../../src/search/cjk';
import { isEmptyQuery, parseSearchQuery, type ParsedQuery } from '../../src/search/query';
import { CURRENT_CAPTURE_TEXT } from '../current-capture';
import type { SearchIndexer } from '../search-indexer';
import { identifierLookup, withIdentified, type IdentifiedSource } from '../search/identifier-hits';
import { cjkSnippet, SnippetStatements } from '../search/snippets';
import { MatchCounter } from '../search/match-counter';
import { taggedWithAny, tagSubtreeIds } from '../tag-refs';
import { sourceFilterSql } from './sources';

/** As-you-type search counts no more than this many matches of a query, and says the count is capped. */
export const CANDIDATE_CAP = 2000;
/**
 * With a filter, only the newest this-many matches are examined (each costs a row lookup or
 * two), so a selective filter on a common word cannot walk a whole doclist; the count then says
 * it is capped.
 */
export const FILTER_SCAN_CAP = 500;
/**
 * bm25 ranks only queries whose every word or phrase is in at most this many documents of the
 * index: bm25 counts all matches of each phrase and reads each candidate's lengths, which costs
 * tens of milliseconds for common words in a large library. Other queries list newest first.
 */
export const RANKED_PHRASE_DOCS = 1000;

interface Candidate {
  num: number;
  score: number;
}

interface IndexTables {
  words: string;
  cjk: string;
  weights: string;
  /** Joins the searched rows to what filters need. */
  join: string;
}

interface Statement {
  sql: string;
  params: unknown[];
}

/** The statements that find one group's candidates. */
export interface CandidatePlan {
  order: SearchOrder;
  /** Whether `rows` returns every match that passes a filter (else: the first page). */
  filtered: boolean;
  /** Matches counted (and, with a filter, examined) at most. */
  cap: number;
  /** Counts the matches, up to `cap`. */
  count: Statement;
  rows: Statement;
}

const SOURCE_TABLES: IndexTables = {
  words: 'sources_fts',
  cjk: 'sources_cjk',
  weights: '10.0, 4.0, 3.0, 1.0, 0.5',
  join: 'JOIN sources s ON s.num = f.rowid',
};
const QUOTE_TABLES: IndexTables = {
  words: 'quotes_fts',
  cjk: 'quotes_cjk',
  weights: '4.0, 2.0, 1.0',
  join: 'JOIN quotes q ON q.num = f.rowid JOIN sources s ON s.id = q.source_id',
};

function hasFilter(filter: SourceFilter): boolean {
  return Boolean(filter.kinds?.length || filter.reliability?.length || filter.tagId || filter.publishedFrom || filter.publishedTo);
}

type SourceItem = SearchResults['sources']['items'][number];
type QuoteItem = SearchResults['quotes']['items'][number];

/** Search over sources and quotes: word index, CJK pair index, filters, ranked, with snippets. */
export class SearchRepository {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly counter: MatchCounter;
  private readonly snippets: SnippetStatements;

  constructor(
    private readonly db: Database.Database,
    indexer: SearchIndexer,
  ) {
    this.counter = new MatchCounter(db, indexer, RANKED_PHRASE_DOCS);
    this.snippets = new SnippetStatements((sql) => this.prepare(sql));
  }

  /** Statements are prepared once per shape: a search runs several as you type. */
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
    if (isEmptyQuery(query))
      return {
        sources: { items: [], total: 0, capped: false, order: 'relevance' },
        quotes: { items: [], total: 0, capped: false, order: 'relevance' },
      };
    const plan = this.planFor(query, filter, limit);
    const sources = this.sources(query, plan.sources, limit);
    const lookup = identifierLookup(text, () => this.filterSql(filter, this.tagIdsOf(filter), 'source'));
    const identified = lookup ? (this.prepare(lookup.sql).all(...lookup.params) as IdentifiedSource[]) : [];
    return {
      sources: lookup ? withIdentified(identified, lookup.label, sources, limit) : sources,
      quotes: this.quotes(query, plan.quotes, limit),
    };
  }

  /**
   * The full-text statements a search runs, without running them: what the benchmark times as
   * "raw" on a connection of its own, and what `search` itself runs.
   */
  plan(text: string, filter: SourceFilter, limit: number): { sources: CandidatePlan; quotes: CandidatePlan } | null {
    const query = parseSearchQuery(text);
    return isEmptyQuery(query) ? null : this.planFor(query, filter, limit);
  }

  /** The filter's tag and every tag under it, as the JSON array the statements take; null without a tag. */
  private tagIdsOf(filter: SourceFilter): string | null {
    return filter.tagId ? JSON.stringify(tagSubtreeIds(this.db, filter.tagId)) : null;
  }

  private planFor(query: ParsedQuery, filter: SourceFilter, limit: number): { sources: CandidatePlan; quotes: CandidatePlan } {
    const tagIds = this.tagIdsOf(filter);
    return {
      sources: this.candidatePlan(query, SOURCE_TABLES, this.filterSql(filter, tagIds, 'source'), limit),
      quotes: this.candidatePlan(query, QUOTE_TABLES, this.filterSql(filter, tagIds, 'quote'), limit),
    };
  }

  /**
   * How to find one group's candidates. The indexes hold live rows only, so without a filter the
   * full-text table answers alone: the first page straight from SQLite (newest, or best by bm25
   * when every phrase is rare enough to rank), and the matches counted up to the cap. With a
   * filter, the newest FILTER_SCAN_CAP matches are examined and every one that passes is returned.
   */
  private candidatePlan(
    query: ParsedQuery,
    tables: IndexTables,
    filter: { where: string; params: unknown[] } | null,
    limit: number,
  ): CandidatePlan {
    const words = query.words !== null;
    const table = words ? tables.words : tables.cjk;
    const phrases = words ? query.phrases.map((phrase) => phrase.match) : query.cjkRuns.map(cjkRunQuery);
    const order: SearchOrder = phrases.every((phrase) => !this.counter.exceeds(table, phrase)) ? 'relevance' : 'newest';
    const score = order === 'newest' ? '0' : words ? `bm25(${table}, ${tables.weights})` : `bm25(${table})`;
    const alsoCjk = words && query.cjk !== null ? ` AND f.rowid IN (SELECT rowid FROM ${tables.cjk} WHERE ${tables.cjk} MATCH @cjk)` : '';
    const params: Record<string, unknown> = { match: words ? query.words : query.cjk, ...(alsoCjk === '' ? {} : { cjk: query.cjk }) };
    const matches = `FROM ${table} f WHERE ${table} MATCH @match${alsoCjk}`;
    const cap = filter === null ? CANDIDATE_CAP : FILTER_SCAN_CAP;
    const count = { sql: `SELECT count(*) FROM (SELECT 1 ${matches} LIMIT ${cap})`, params: [params] };
    if (filter === null) {
      const ranking = order === 'newest' ? 'f.rowid DESC' : 'score, f.rowid DESC';
      return {
        order,
        filtered: false,
        cap,
        count,
        rows: { sql: `SELECT f.rowid AS num, ${score} AS score ${matches} ORDER BY ${ranking} LIMIT ${limit}`, params: [params] },
      };
    }
    const newest = `(SELECT min(rowid) FROM (SELECT f.rowid ${matches} ORDER BY f.rowid DESC LIMIT ${FILTER_SCAN_CAP}))`;
    const sql = `SELECT f.rowid AS num, ${score} AS score FROM ${table} f ${tables.join}
      WHERE ${table} MATCH @match${alsoCjk} AND f.rowid >= ${newest} AND ${filter.where} ORDER BY f.rowid DESC`;
    return { order, filtered: true, cap, count, rows: { sql, params: [...filter.params, params] } };
  }

  /** Runs a plan: the group's first page (best first) and its count. */
  private run(plan: CandidatePlan, limit: number): { page: Candidate[]; total: number; capped: boolean } {
    const matched = this.prepare(plan.count.sql)
      .pluck()
      .get(...plan.count.params) as number;
    if (matched === 0) return { page: [], total: 0, capped: false };
    const rows = this.prepare(plan.rows.sql).all(...plan.rows.params) as Candidate[];
    const capped = matched >= plan.cap;
    if (!plan.filtered) return { page: rows, total: matched, capped };
    const page =
      plan.order === 'newest' ? rows.slice(0, limit) : [...rows].sort((a, b) => a.score - b.score || b.num - a.num).slice(0, limit);
    return { page, total: rows.length, capped };
  }

  private filterSql(filter: SourceFilter, tagIds: string | null, kind: 'source' | 'quote'): { where: string; params: unknown[] } | null {
    if (!hasFilter(filter)) return null;
    const { tagId: _tagId, ...sourceOnly } = filter;
    const source = sourceFilterSql(sourceOnly, 's');
    const clauses = kind === 'quote' ? ['q.deleted_at IS NULL', source.where] : [source.where];
    const params = [...source.params];
    if (tagIds !== null && kind === 'source') {
      clauses.push(taggedWithAny('source', 's.id'));
      params.push(tagIds);
    } else if (tagIds !== null) {
      // A quote inherits its source's tags for filtering: a quote of a source tagged Topic/X is about X.
      clauses.push(`(${taggedWithAny('quote', 'q.id')} OR ${taggedWithAny('source', 's.id')})`);
      params.push(tagIds, tagIds);
    }
    return { where: clauses.join(' AND '), params };
  }

  private sources(query: ParsedQuery, plan: CandidatePlan, limit: number): SearchResults['sources'] {
    const found = this.run(plan, limit);
    const row = this.prepare('SELECT s.id, s.title, s.kind, s.reliability, s.author, s.publisher, s.notes FROM sources s WHERE s.num = ?');
    const items: SourceItem[] = [];
    for (const { num } of found.page) {
      const source = row.get(num) as Omit<SourceItem, 'snippet'> & { author: string; publisher: string; notes: string };
      const fields = [source.title, source.author, source.publisher, source.notes];
      const snippet =
        query.words !== null
          ? this.snippets.words(SOURCE_TABLES.words, query, fields, num)
          : cjkSnippet(query, [...fields, () => this.snapshotText(source.id)]);
      items.push({ id: source.id, title: source.title, kind: source.kind, reliability: source.reliability, snippet });
    }
    return { items, total: found.total, capped: found.capped, order: plan.order };
  }

  private snapshotText(sourceId: string): string {
    return (this.prepare(CURRENT_CAPTURE_TEXT).pluck().get(sourceId) as string | undefined) ?? '';
  }

  private quotes(query: ParsedQuery, plan: CandidatePlan, limit: number): SearchResults['quotes'] {
    const found = this.run(plan, limit);
    const row = this.prepare(
      'SELECT q.id, q.source_id AS sourceId, s.title AS sourceTitle, s.reliability, q.credibility, q.text, q.speaker, q.note FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.num = ?',
    );
    const items: QuoteItem[] = [];
    for (const { num } of found.page) {
      const quote = row.get(num) as Omit<QuoteItem, 'snippet'> & { text: string; speaker: string; note: string };
      const fields = [quote.text, quote.speaker, quote.note];
      const snippet = query.words !== null ? this.snippets.words(QUOTE_TABLES.words, query, fields, num) : cjkSnippet(query, fields);
      items.push({
        id: quote.id,
        sourceId: quote.sourceId,
        sourceTitle: quote.sourceTitle,
        reliability: quote.reliability,
        credibility: quote.credibility,
        snippet,
      });
    }
    return { items, total: found.total, capped: found.capped, order: plan.order };
  }
}
