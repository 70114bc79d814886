import type Database from 'better-sqlite3';
import { type Dispatcher } from '../src/contract/dispatch';
import { type SearchResults } from '../src/domain/search';
import { parseSearchQuery } from '../src/search/query';
import { type Workspace } from '../db/workspace';
import { type Rng } from './prng';
import { type BenchQuery } from './queries';
import { since } from './stats';

/**
 * What each query is timed as:
 * - contract:   `dispatcher.call('search.query', …)`: input validation, handler, search, output validation.
 * - repository: `workspace.search.search(…)`: the same search without the contract around it.
 * - raw:        the product's own full-text statements for the query (`SearchRepository.plan`:
 *               count up to CANDIDATE_CAP, and the first page, or with a filter the newest
 *               matches that pass it), run bare on a second connection: no ranking in JS, rows,
 *               snippets or validation. The in-run baseline for "over raw".
 * - rawRanked:  `… MATCH ? ORDER BY rank LIMIT 20` on both indexes: bm25 over every match, what the
 *               cap and the newest-first order avoid. First pass only.
 */
export const SEARCH_MODES = ['contract', 'repository', 'raw', 'rawRanked'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface QueryResult {
  query: BenchQuery;
  quotesTotal: number;
  sourcesTotal: number;
  capped: boolean;
  /** Whether the product listed a group newest first instead of by relevance. */
  newest: boolean;
  /** Milliseconds per mode, one entry per pass (rawRanked: first pass only). */
  times: Record<SearchMode, number[]>;
}

/**
 * The product's own full-text statements (`SearchRepository.plan`), run bare on a second
 * connection: the in-run baseline for "over raw". Prepared once; planned before timing.
 */
export class RawFts {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly workspace: () => Workspace,
  ) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The statements for `query`: the product's plan, or bm25 over every match (`ranked`). */
  plan(query: BenchQuery, kind: 'capped' | 'ranked'): { statement: Database.Statement; params: unknown[] }[] {
    if (kind === 'ranked') {
      const parsed = parseSearchQuery(query.text);
      const match = parsed.words ?? parsed.cjk;
      if (match === null) return [];
      return (parsed.words !== null ? ['quotes_fts', 'sources_fts'] : ['quotes_cjk', 'sources_cjk']).map((table) => ({
        statement: this.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT 20`),
        params: [match],
      }));
    }
    const plan = this.workspace().search.plan(query.text, query.filter ?? {}, 20);
    if (plan === null) return [];
    return [plan.quotes, plan.sources].flatMap((group) =>
      [group.count, group.rows].map((step) => ({ statement: this.prepare(step.sql), params: step.params })),
    );
  }
}

function runAll(steps: { statement: Database.Statement; params: unknown[] }[]): void {
  for (const { statement, params } of steps) statement.all(...params);
}

export interface SearchBenchOptions {
  dispatcher: Dispatcher;
  workspace: () => Workspace;
  raw: Database.Database;
  queries: BenchQuery[];
  passes: number;
  rng: Rng;
  log: (line: string) => void;
}

async function contractCall(dispatcher: Dispatcher, query: BenchQuery): Promise<SearchResults> {
  const result = await dispatcher.call(
    'search.query',
    query.filter ? { text: query.text, filter: query.filter, limit: 20 } : { text: query.text, limit: 20 },
  );
  if (!result.ok) throw new Error(`search.query ${JSON.stringify(query.text)} failed: ${result.error.message}`);
  return result.value as SearchResults;
}

/** Runs every query once in every mode, unrecorded. */
export async function warmUpSearch(options: SearchBenchOptions, count: number): Promise<void> {
  const raw = new RawFts(options.raw, options.workspace);
  for (const query of options.queries.slice(0, count)) {
    await contractCall(options.dispatcher, query);
    options.workspace().search.search(query.text, query.filter ?? {}, 20);
    runAll(raw.plan(query, 'capped'));
  }
}

/** Times every query in every mode; modes run in a random order per query so none always goes first. */
export async function runSearchBench(options: SearchBenchOptions): Promise<QueryResult[]> {
  const raw = new RawFts(options.raw, options.workspace);
  const results: QueryResult[] = options.queries.map((query) => ({
    query,
    quotesTotal: 0,
    sourcesTotal: 0,
    capped: false,
    newest: false,
    times: { contract: [], repository: [], raw: [], rawRanked: [] },
  }));
  for (let pass = 0; pass < options.passes; pass += 1) {
    const started = process.hrtime.bigint();
    for (const result of results) {
      const { query } = result;
      const capped = raw.plan(query, 'capped');
      const ranked = pass === 0 ? raw.plan(query, 'ranked') : [];
      const modes = options.rng.shuffle(SEARCH_MODES.filter((mode) => mode !== 'rawRanked' || pass === 0));
      for (const mode of modes) {
        const start = process.hrtime.bigint();
        if (mode === 'contract') {
          const value = await contractCall(options.dispatcher, query);
          result.times.contract.push(since(start));
          result.quotesTotal = value.quotes.total;
          result.sourcesTotal = value.sources.total;
          result.capped = value.quotes.capped || value.sources.capped;
          result.newest = value.quotes.order === 'newest' || value.sources.order === 'newest';
          continue;
        }
        if (mode === 'repository') options.workspace().search.search(query.text, query.filter ?? {}, 20);
        else runAll(mode === 'raw' ? capped : ranked);
        result.times[mode].push(since(start));
      }
    }
    options.log(`  search pass ${pass + 1}/${options.passes}: ${results.length} queries in ${(since(started) / 1000).toFixed(1)} s`);
  }
  return results;
}
