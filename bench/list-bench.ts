import type Database from 'better-sqlite3';
import { type Workspace } from '../db/workspace';
import { type Dispatcher } from '../src/contract/dispatch';
import { type SourceFilter, type SourceSortKey } from '../src/domain/source';
import { since, summarise, type Summary } from './stats';

export interface ListCase {
  label: string;
  sort: SourceSortKey;
  direction: 'asc' | 'desc';
  filter?: SourceFilter;
}

export interface ListResult {
  label: string;
  /** `dispatcher.call('sources.list', …)`: the first page, 100 rows, with its total. */
  contract: Summary;
  /** `workspace.sources.list(…)`: the same without the contract's validation. */
  repository: Summary;
  /** The in-run baseline: the cheapest first page there is, 100 full rows read straight off the last-edited index. */
  baseline: Summary;
  total: number;
}

async function contractList(dispatcher: Dispatcher, listCase: ListCase): Promise<number> {
  const result = await dispatcher.call('sources.list', {
    sort: listCase.sort,
    direction: listCase.direction,
    ...(listCase.filter ? { filter: listCase.filter } : {}),
  });
  if (!result.ok) throw new Error(`sources.list ${listCase.label} failed: ${result.error.message}`);
  return (result.value as { total: number }).total;
}

/** Times each case's first page through the contract and the repository (two warm-up rounds first). */
export async function runListBench(options: {
  dispatcher: Dispatcher;
  workspace: () => Workspace;
  raw: Database.Database;
  cases: ListCase[];
  iterations: number;
}): Promise<ListResult[]> {
  const results: ListResult[] = [];
  const cheapest = options.raw.prepare('SELECT * FROM sources WHERE deleted_at IS NULL ORDER BY updated_at DESC, num DESC LIMIT 100');
  for (const listCase of options.cases) {
    const times = { contract: [] as number[], repository: [] as number[], baseline: [] as number[] };
    let total = 0;
    for (let iteration = -2; iteration < options.iterations; iteration += 1) {
      let start = process.hrtime.bigint();
      total = await contractList(options.dispatcher, listCase);
      const contractMs = since(start);
      start = process.hrtime.bigint();
      options
        .workspace()
        .sources.list({ sort: listCase.sort, direction: listCase.direction, limit: 100, offset: 0, filter: listCase.filter ?? {} });
      const repositoryMs = since(start);
      start = process.hrtime.bigint();
      cheapest.all();
      const baselineMs = since(start);
      if (iteration < 0) continue;
      times.contract.push(contractMs);
      times.repository.push(repositoryMs);
      times.baseline.push(baselineMs);
    }
    results.push({
      label: listCase.label,
      contract: summarise(times.contract),
      repository: summarise(times.repository),
      baseline: summarise(times.baseline),
      total,
    });
  }
  return results;
}
