import type Database from 'better-sqlite3';
import { CANDIDATE_CAP, FILTERED_CANDIDATE_CAP } from '../db/repositories/search';
import { sourceFilterSql } from '../db/repositories/sources';
import { taggedWithin } from '../db/tag-refs';
import { type Dispatcher } from '../src/contract/dispatch';
import { SearchQuerySchema, SearchResultsSchema, type SearchResults } from '../src/domain/search';
import { type SourceFilter } from '../src/domain/source';
import { parseSearchQuery, type ParsedQuery } from '../src/search/query';
import { type Workspace } from '../db/workspace';
import { type ProposedSearch } from './alt-search';
import { type Rng } from './prng';
import { type BenchQuery } from './queries';
import { since } from './stats';

/**
 * What is timed for every query, all in this one process on the same workspace file:
 * - contract:   `dispatcher.call('search.query', …)` — input validation, handler, search, output validation.
 * - repository: `workspace.search.search(…)` — the same search without the contract around it.
 * - candidates: only the two candidate statements search.ts runs (newest CANDIDATE_CAP matches with
 *               bm25, FILTERED_CANDIDATE_CAP with a filter, which joins the rows it needs), mirrored
 *               here; no sorting, rows or snippets.
 * - rawCapped:  the bare FTS5 statements with the same LIMIT: newest matches with bm25, quotes
 *               and sources, no joins or filters.
 * - rawRanked:  the bare "rank every match" statements: `… MATCH ? ORDER BY rank LIMIT 20`,
 *               quotes and sources (bm25 over every match; what the cap avoids). First pass only.
 * - proposed:   the contract's validation around bench/alt-search.ts (a proposed search.ts) instead
 *               of the product's search, on the raw connection.
 * - recency:    the same, also ordering newest first (no bm25) for prefixes and very common words.
 */
export const SEARCH_MODES = ['contract', 'repository', 'candidates', 'rawCapped', 'rawRanked', 'proposed', 'recency'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface QueryResult {
  query: BenchQuery;
  quotesTotal: number;
  sourcesTotal: number;
  capped: boolean;
  /** Whether the proposed search shows the same first page of quotes and sources as the product. */
  samePage: boolean;
  proposedCapped: boolean;
  /** Time the proposed search spent in its snippet statements, per pass. */
  snippetMs: number[];
  /** Milliseconds per mode, one entry per pass (rawRanked: first pass only). */
  times: Record<SearchMode, number[]>;
}

const QUOTE_WEIGHTS = '4.0, 2.0, 1.0';
const SOURCE_WEIGHTS = '10.0, 4.0, 3.0, 1.0, 0.5';

/** Bare FTS5 statements, prepared once (the best case for "raw"). */
export class RawFts {
  private readonly capped;
  private readonly ranked;

  constructor(db: Database.Database) {
    const capped = (table: string, weights: string) =>
      db.prepare(`SELECT rowid, bm25(${table}${weights === '' ? '' : `, ${weights}`}) AS score FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ?`);
    const ranked = (table: string) => db.prepare(`SELECT rowid, bm25(${table}) AS score FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT 20`);
    this.capped = {
      quotes: capped('quotes_fts', QUOTE_WEIGHTS),
      sources: capped('sources_fts', SOURCE_WEIGHTS),
      quotesCjk: capped('quotes_cjk', ''),
      sourcesCjk: capped('sources_cjk', ''),
    };
    this.ranked = { quotes: ranked('quotes_fts'), sources: ranked('sources_fts'), quotesCjk: ranked('quotes_cjk'), sourcesCjk: ranked('sources_cjk') };
  }

  /** Runs the statements for `query` (capped: newest `limit` matches); returns the number of rows. */
  run(query: ParsedQuery, kind: 'capped' | 'ranked', limit = CANDIDATE_CAP): number {
    const args = (match: string): unknown[] => (kind === 'capped' ? [match, limit] : [match]);
    const statements = kind === 'capped' ? this.capped : this.ranked;
    let rows = 0;
    if (query.words !== null) rows += statements.quotes.all(...args(query.words)).length + statements.sources.all(...args(query.words)).length;
    if (query.cjk !== null) rows += statements.quotesCjk.all(...args(query.cjk)).length + statements.sourcesCjk.all(...args(query.cjk)).length;
    return rows;
  }
}

/**
 * The two candidate statements of db/repositories/search.ts, built the same way (kept in step by
 * hand: if search.ts changes its SQL, change this too). Used to split the contract's time into
 * candidate selection and the rest.
 */
export class CandidateStatements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  run(query: ParsedQuery, filter: SourceFilter): number {
    const sources = this.build(query, SOURCE_TABLES, 'JOIN sources s ON s.num = f.rowid', hasFilter(filter) ? sourceFilterSql(filter, 's') : null);
    const quotes = this.build(query, QUOTE_TABLES, QUOTE_JOIN, hasFilter(filter) ? quoteFilter(filter) : null);
    return this.all(sources).length + this.all(quotes).length;
  }

  /** The statement text for the quote candidates of `query` (for EXPLAIN QUERY PLAN). */
  quoteSql(query: ParsedQuery, filter: SourceFilter): { sql: string; params: unknown[] } {
    return this.build(query, QUOTE_TABLES, QUOTE_JOIN, hasFilter(filter) ? quoteFilter(filter) : null);
  }

  private build(query: ParsedQuery, tables: { words: string; cjk: string; weights: string }, join: string, filter: { where: string; params: unknown[] } | null): { sql: string; params: unknown[] } {
    const from = filter ? `${join} WHERE` : 'WHERE';
    const extra = filter ? ` AND ${filter.where}` : '';
    const cjk = query.cjk === null ? '' : ` AND f.rowid IN (SELECT rowid FROM ${tables.cjk} WHERE ${tables.cjk} MATCH ?)`;
    const cap = filter ? FILTERED_CANDIDATE_CAP : CANDIDATE_CAP;
    const sql =
      query.words !== null
        ? `SELECT f.rowid AS num, bm25(${tables.words}, ${tables.weights}) AS score FROM ${tables.words} f ${from} ${tables.words} MATCH ?${cjk}${extra} ORDER BY f.rowid DESC LIMIT ${cap}`
        : `SELECT f.rowid AS num, bm25(${tables.cjk}) AS score FROM ${tables.cjk} f ${from} ${tables.cjk} MATCH ?${extra} ORDER BY f.rowid DESC LIMIT ${cap}`;
    const matchParams = query.words !== null ? [query.words, ...(query.cjk === null ? [] : [query.cjk])] : [query.cjk];
    return { sql, params: [...matchParams, ...(filter?.params ?? [])] };
  }

  private all(statement: { sql: string; params: unknown[] }): unknown[] {
    let prepared = this.cache.get(statement.sql);
    if (!prepared) {
      prepared = this.db.prepare(statement.sql);
      this.cache.set(statement.sql, prepared);
    }
    return prepared.all(...statement.params);
  }
}

const SOURCE_TABLES = { words: 'sources_fts', cjk: 'sources_cjk', weights: SOURCE_WEIGHTS };
const QUOTE_TABLES = { words: 'quotes_fts', cjk: 'quotes_cjk', weights: QUOTE_WEIGHTS };
const QUOTE_JOIN = 'JOIN quotes q ON q.num = f.rowid JOIN sources s ON s.id = q.source_id';

function hasFilter(filter: SourceFilter): boolean {
  return Boolean(filter.kinds?.length || filter.reliability?.length || filter.tagId || filter.publishedFrom || filter.publishedTo);
}

function quoteFilter(filter: SourceFilter): { where: string; params: unknown[] } {
  const { tagId, ...sourceOnly } = filter;
  const source = sourceFilterSql(sourceOnly, 's');
  const clauses = ['q.deleted_at IS NULL', source.where];
  const params = [...source.params];
  if (tagId) {
    clauses.push(taggedWithin('quote', 'q.id'));
    params.push(tagId);
  }
  return { where: clauses.join(' AND '), params };
}

export interface SearchBenchOptions {
  dispatcher: Dispatcher;
  workspace: () => Workspace;
  raw: Database.Database;
  proposed: ProposedSearch;
  recency: ProposedSearch;
  queries: BenchQuery[];
  passes: number;
  /** Modes to time (default all); rawRanked only ever runs in the first pass. */
  modes?: readonly SearchMode[];
  rng: Rng;
  log: (line: string) => void;
}

async function contractCall(dispatcher: Dispatcher, query: BenchQuery): Promise<SearchResults> {
  const result = await dispatcher.call('search.query', query.filter ? { text: query.text, filter: query.filter, limit: 20 } : { text: query.text, limit: 20 });
  if (!result.ok) throw new Error(`search.query ${JSON.stringify(query.text)} failed: ${result.error.message}`);
  return result.value as SearchResults;
}

/** What the dispatcher does around a handler (validate in, await, validate out), around the proposed search. */
async function proposedCall(proposed: ProposedSearch, query: BenchQuery): Promise<SearchResults> {
  const input = SearchQuerySchema.parse(query.filter ? { text: query.text, filter: query.filter, limit: 20 } : { text: query.text, limit: 20 });
  const value: unknown = await Promise.resolve(proposed.search(input.text, input.filter, input.limit));
  return SearchResultsSchema.parse(value);
}

function firstPage(results: SearchResults): string {
  return [...results.quotes.items.map((item) => item.id), '|', ...results.sources.items.map((item) => item.id)].join(',');
}

/** Warms every path with `count` queries (not recorded). */
export async function warmUpSearch(options: SearchBenchOptions, count: number): Promise<void> {
  const rawFts = new RawFts(options.raw);
  const candidates = new CandidateStatements(options.raw);
  for (const query of options.queries.slice(0, count)) {
    const parsed = parseSearchQuery(query.text);
    await contractCall(options.dispatcher, query);
    options.workspace().search.search(query.text, query.filter ?? {}, 20);
    candidates.run(parsed, query.filter ?? {});
    rawFts.run(parsed, 'capped', hasFilter(query.filter ?? {}) ? FILTERED_CANDIDATE_CAP : CANDIDATE_CAP);
    await proposedCall(options.proposed, query);
    await proposedCall(options.recency, query);
  }
}

/** Times every query in every mode; modes run in a random order per query so none always goes first. */
export async function runSearchBench(options: SearchBenchOptions): Promise<QueryResult[]> {
  const rawFts = new RawFts(options.raw);
  const candidates = new CandidateStatements(options.raw);
  const results: QueryResult[] = options.queries.map((query) => ({
    query,
    quotesTotal: 0,
    sourcesTotal: 0,
    capped: false,
    samePage: true,
    proposedCapped: false,
    snippetMs: [],
    times: { contract: [], repository: [], candidates: [], rawCapped: [], rawRanked: [], proposed: [], recency: [] },
  }));
  for (let pass = 0; pass < options.passes; pass += 1) {
    const started = process.hrtime.bigint();
    for (const result of results) {
      const { query } = result;
      const parsed = parseSearchQuery(query.text);
      const filter = query.filter ?? {};
      let productPage = '';
      let proposedPage = '';
      const modes = options.rng.shuffle((options.modes ?? SEARCH_MODES).filter((mode) => mode !== 'rawRanked' || pass === 0));
      for (const mode of modes) {
        const start = process.hrtime.bigint();
        switch (mode) {
          case 'contract': {
            const value = await contractCall(options.dispatcher, query);
            result.times.contract.push(since(start));
            result.quotesTotal = value.quotes.total;
            result.sourcesTotal = value.sources.total;
            result.capped = value.quotes.capped || value.sources.capped;
            productPage = firstPage(value);
            continue;
          }
          case 'proposed': {
            const value = await proposedCall(options.proposed, query);
            result.times.proposed.push(since(start));
            result.snippetMs.push(options.proposed.lastSnippetMs);
            result.proposedCapped = value.quotes.capped || value.sources.capped;
            proposedPage = firstPage(value);
            continue;
          }
          case 'recency':
            await proposedCall(options.recency, query);
            break;
          case 'repository':
            options.workspace().search.search(query.text, filter, 20);
            break;
          case 'candidates':
            candidates.run(parsed, filter);
            break;
          case 'rawCapped':
            rawFts.run(parsed, 'capped', hasFilter(filter) ? FILTERED_CANDIDATE_CAP : CANDIDATE_CAP);
            break;
          case 'rawRanked':
            rawFts.run(parsed, 'ranked');
            break;
        }
        result.times[mode].push(since(start));
      }
      if (pass === 0 && productPage !== '' && proposedPage !== '') result.samePage = productPage === proposedPage;
    }
    options.log(`  search pass ${pass + 1}/${options.passes}: ${results.length} queries in ${(since(started) / 1000).toFixed(1)} s`);
  }
  return results;
}
