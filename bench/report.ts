import { type WorkspaceMeta } from './generate';
import { type ListResult } from './list-bench';
import { type OpenProbeResult } from './open-probe';
import { CATEGORY_LABELS, QUERY_CATEGORIES } from './queries';
import { SEARCH_MODES, type QueryResult, type SearchMode } from './search-bench';
import { ms, percentile, ratio, summarise, table, type Summary } from './stats';

/** The targets of the evidence-library issue. */
export const TARGETS = { searchP95: 30, overheadP95: 3, listFirstPage: 50, open: 1000 };

/** Everything one run measured. */
export interface BenchFigures {
  command: string;
  date: string;
  config: { scale: number; seed: number; passes: number; perCategory: number };
  machine: Record<string, string>;
  sqliteVersion: string;
  loadAtStart: string;
  loadAtEnd: string;
  runSeconds: number;
  workspace: WorkspaceMeta;
  generated: boolean;
  firstOpenMs: number;
  open: { cold: OpenProbeResult[]; warm: OpenProbeResult[]; evicted: boolean };
  otherReads: { label: string; summary: Summary }[];
  lists: ListResult[];
  bands: { common: number; mid: number; rare: number };
  results: QueryResult[];
}

function modeSummary(results: readonly QueryResult[], mode: SearchMode): Summary {
  return summarise(results.flatMap((result) => result.times[mode]));
}

function groups(results: readonly QueryResult[]): [string, QueryResult[]][] {
  return [
    ...QUERY_CATEGORIES.map((category): [string, QueryResult[]] => [
      category,
      results.filter((result) => result.query.category === category),
    ]),
    ['all', [...results]],
  ];
}

/** Per category: each mode's summary, the share listed newest first, and the median quote hits. */
export function summariseSearch(results: readonly QueryResult[]): Record<string, unknown> {
  return Object.fromEntries(
    groups(results).map(([category, group]) => [
      category,
      {
        label: category === 'all' ? 'all queries' : CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS],
        queries: group.length,
        ...Object.fromEntries(SEARCH_MODES.map((mode) => [mode, modeSummary(group, mode)])),
        newestFirstShare: group.filter((result) => result.newest).length / Math.max(1, group.length),
        medianQuoteHits: percentile(
          group.map((result) => result.quotesTotal).sort((a, b) => a - b),
          50,
        ),
      },
    ]),
  );
}

/** The plain-text report printed at the end of a run (and kept in results.json). */
export function report(figures: BenchFigures): string {
  const lines: string[] = [];
  const out = (line = ''): void => void lines.push(line);
  const m = figures.workspace;
  out(`Warrant evidence-library benchmark: ${figures.command} (${figures.date})`);
  out(
    `Machine: ${figures.machine.cpu}, ${figures.machine.memory}, ${figures.machine.os}, Node ${figures.machine.node}, SQLite ${figures.sqliteVersion}; load ${figures.loadAtStart} at start, ${figures.loadAtEnd} at end; run ${figures.runSeconds.toFixed(0)} s`,
  );
  out(
    `Workspace: ${m.counts.sources?.toLocaleString('en')} sources, ${m.counts.quotes?.toLocaleString('en')} quotes, ${m.counts.tags} tags, ${m.snapshots.toLocaleString('en')} snapshots, ${(m.fileBytes / 2 ** 20).toFixed(0)} MiB as generated; first open in this run ${(figures.firstOpenMs / 1000).toFixed(1)} s`,
  );
  out();
  const open = (label: string, probes: OpenProbeResult[], pick: (probe: OpenProbeResult) => number): string[] => {
    const summary = summarise(probes.map(pick));
    return [label, ms(summary.p50), ms(summary.max)];
  };
  out(`Open in a fresh process, ms (cold = file evicted from the page cache${figures.open.evicted ? '' : '; eviction FAILED'})`);
  out(
    table(
      ['', 'p50', 'max'],
      [
        open('open, cold', figures.open.cold, (probe) => probe.openMs),
        open('first sources.list, cold', figures.open.cold, (probe) => probe.firstListMs),
        open('first search.query, cold', figures.open.cold, (probe) => probe.firstSearchMs),
        open('open, warm', figures.open.warm, (probe) => probe.openMs),
      ],
    ),
  );
  out();
  out('Library list, first page of 100 with its total, ms. Baseline: 100 rows straight off the last-edited index, same run.');
  out(
    table(
      ['case', 'total', 'contract p50', 'p95', 'repository p50', 'baseline p50', 'contract p95 ÷ baseline p50'],
      figures.lists.map((list) => [
        list.label,
        list.total.toLocaleString('en'),
        ms(list.contract.p50),
        ms(list.contract.p95),
        ms(list.repository.p50),
        ms(list.baseline.p50),
        ratio(list.contract.p95, list.baseline.p50),
      ]),
    ),
  );
  out();
  out('Other reads at the contract boundary, ms');
  out(
    table(
      ['', 'p50', 'p95'],
      figures.otherReads.map((read) => [read.label, ms(read.summary.p50), ms(read.summary.p95)]),
    ),
  );
  out();
  out(
    "Search, ms per query (limit 20). raw = the product's own full-text statements run bare on a second connection, same run; ranked = bm25 over every match.",
  );
  out(
    table(
      [
        'category',
        'n',
        'newest first',
        'contract p50',
        'p95',
        'raw p50',
        'p95',
        'contract − raw p95',
        'contract ÷ raw p95',
        'ranked p50',
        'p95',
      ],
      groups(figures.results).map(([category, group]) => {
        const contract = modeSummary(group, 'contract');
        const raw = modeSummary(group, 'raw');
        const ranked = modeSummary(group, 'rawRanked');
        const newest = `${Math.round((100 * group.filter((result) => result.newest).length) / Math.max(1, group.length))}%`;
        return [
          category,
          String(group.length),
          newest,
          ms(contract.p50),
          ms(contract.p95),
          ms(raw.p50),
          ms(raw.p95),
          ms(contract.p95 - raw.p95),
          ratio(contract.p95, raw.p95),
          ms(ranked.p50),
          ms(ranked.p95),
        ];
      }),
    ),
  );
  out();
  const all = modeSummary(figures.results, 'contract');
  const raw = modeSummary(figures.results, 'raw');
  const worstList = Math.max(...figures.lists.map((list) => list.contract.p95));
  const openCold = summarise(figures.open.cold.map((probe) => probe.openMs)).max;
  const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  out('Targets');
  out(
    table(
      ['target', 'measured', ''],
      [
        [`search p95 ≤ ${TARGETS.searchP95} ms (contract, all queries)`, `${ms(all.p95)} ms`, verdict(all.p95 <= TARGETS.searchP95)],
        [
          `≤ ${TARGETS.overheadP95} ms over raw at p95`,
          `${ms(all.p95 - raw.p95)} ms (${ratio(all.p95, raw.p95)})`,
          verdict(all.p95 - raw.p95 <= TARGETS.overheadP95),
        ],
        [
          `library list first page ≤ ${TARGETS.listFirstPage} ms (worst case, p95)`,
          `${ms(worstList)} ms`,
          verdict(worstList <= TARGETS.listFirstPage),
        ],
        [`workspace opens ≤ ${TARGETS.open} ms (cold, worst)`, `${ms(openCold)} ms`, verdict(openCold <= TARGETS.open)],
      ],
    ),
  );
  return lines.join('\n');
}
