/**
 * The evidence-library benchmark: `npm run bench`.
 *
 * Generates (or reuses) a seeded synthetic workspace of 100,000 sources and 1,000,000 quotes,
 * then measures, in one process: opening it, the library list's first page, and ≥ 1,000 mixed
 * searches at the contract boundary and as raw FTS5 statements on the same file.
 *
 * Environment: BENCH_SCALE (1 = full size; 0.1 for a quick run), BENCH_SEED, BENCH_PASSES (search
 * passes over the query set, default 2), BENCH_QUERIES (per category, default 150),
 * BENCH_LIST_ITERATIONS (default 20), BENCH_OPEN_RUNS (fresh processes per open mode, default 5),
 * BENCH_SCAN_CAP (matches the proposed search examines with a filter, default 5,000), BENCH_MMAP
 * (PRAGMA mmap_size tried as a fix, default the 2 GiB maximum), BENCH_REBUILD=1 (also time the
 * first open after a search-index version bump: the full rebuild, on a copy of the file).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { CANDIDATE_CAP, FILTERED_CANDIDATE_CAP } from '../db/repositories/search';
import { createHandlers, type HostServices } from '../main/handlers';
import { UploadStore } from '../main/uploads';
import { WorkspaceSession } from '../main/workspace-session';
import { sourceFilterSql } from '../db/repositories/sources';
import { taggedWithin } from '../db/tag-refs';
import { createDispatcher, type Dispatcher } from '../src/contract/dispatch';
import { type SourceFilter } from '../src/domain/source';
import { JobManager } from '../src/contract/job-manager';
import { Workspace } from '../db/workspace';
import { type Quote } from '../src/domain/quote';
import { parseSearchQuery } from '../src/search/query';
import { ProposedSearch } from './alt-search';
import { capSweep, libraryAlternatives, nearestTerm, proxyStatement, type FilterProxy } from './experiments';
import { ensureWorkspace, sizeFor } from './generate';
import { runListBench, type ListCase, type ListResult } from './list-bench';
import { type OpenProbeResult } from './open-probe';
import { Rng } from './prng';
import { buildQueries, CATEGORY_LABELS, QUERY_CATEGORIES, type QueryCategory } from './queries';
import { CandidateStatements, runSearchBench, SEARCH_MODES, warmUpSearch, type QueryResult, type SearchMode } from './search-bench';
import { ms, percentile, ratio, since, summarise, table, timeSync, type Summary } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE_DIR = join(ROOT, '.tmp', 'bench');

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return value;
}

const config = {
  scale: envNumber('BENCH_SCALE', 1),
  seed: Math.floor(envNumber('BENCH_SEED', 20171029)),
  passes: Math.floor(envNumber('BENCH_PASSES', 2)),
  perCategory: Math.floor(envNumber('BENCH_QUERIES', 150)),
  listIterations: Math.floor(envNumber('BENCH_LIST_ITERATIONS', 20)),
  openRuns: Math.floor(envNumber('BENCH_OPEN_RUNS', 5)),
  /** Matches the proposed search examines at most when a filter is set. */
  scanCap: Math.floor(envNumber('BENCH_SCAN_CAP', 5_000)),
  /** PRAGMA mmap_size tried as a fix (SQLite caps it at its compile-time maximum). */
  mmapBytes: Math.floor(envNumber('BENCH_MMAP', 0x7fff0000)),
  /** Also time the first open after a search-index version bump (a full rebuild, on a copy). */
  rebuild: process.env.BENCH_REBUILD === '1',
};

const TARGETS = { searchP95: 30, overheadP95: 3, listFirstPage: 50, open: 1000 };

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function machine(): Record<string, string> {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const mhz = /^cpu MHz\s*:\s*(.+)$/m.exec(cpuinfo)?.[1];
  const debian = existsSync('/etc/debian_version') ? `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}` : process.platform;
  return {
    cpu: `${model}${mhz ? ` (${Math.round(Number(mhz))} MHz)` : ''}, ${cpus().length} cores`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    os: debian,
    node: process.version,
  };
}

function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

/** Drops the file's pages from the OS cache (posix_fadvise DONTNEED via GNU dd), so the next open reads the disk. */
function evictFromPageCache(path: string): boolean {
  spawnSync('sync', [path]);
  return spawnSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none']).status === 0;
}

function openProbe(path: string): OpenProbeResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'open-probe.ts'), path], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`open probe failed: ${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as OpenProbeResult;
}

interface Tagged {
  id: string;
  path: string;
  sources: number;
  quotes: number;
}

function tagUsage(raw: Database.Database): Tagged[] {
  return raw
    .prepare(
      `SELECT t.id, t.path,
         (SELECT count(*) FROM source_tags l JOIN tags c ON c.id = l.tag_id WHERE c.path = t.path OR c.path LIKE t.path || '/%') AS sources,
         (SELECT count(*) FROM quote_tags l JOIN tags c ON c.id = l.tag_id WHERE c.path = t.path OR c.path LIKE t.path || '/%') AS quotes
       FROM tags t ORDER BY t.path`,
    )
    .all() as Tagged[];
}

async function call<T>(dispatcher: Dispatcher, name: string, payload: unknown): Promise<T> {
  const result = await dispatcher.call(name, payload);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value as T;
}

async function timeCalls(dispatcher: Dispatcher, name: string, payload: unknown, iterations: number): Promise<Summary> {
  const samples: number[] = [];
  for (let iteration = -1; iteration < iterations; iteration += 1) {
    const start = process.hrtime.bigint();
    await call(dispatcher, name, payload);
    if (iteration >= 0) samples.push(since(start));
  }
  return summarise(samples);
}

/** The contract's p95 with its page and count statements swapped for the proposed ones (their p50 difference). */
function estimatedList(list: ListResult): number {
  return list.proposedSql ? list.contract.p95 - (list.pageSql.p50 + list.countSql.p50) + list.proposedSql.p50 : list.contract.p95;
}

function modeSummary(results: QueryResult[], mode: SearchMode): Summary {
  return summarise(results.flatMap((result) => result.times[mode]));
}

/** contract − rawCapped of the same query in the same pass. */
function overheads(results: QueryResult[]): number[] {
  return results.flatMap((result) => result.times.contract.map((contract, pass) => contract - (result.times.rawCapped[pass] ?? Number.NaN)));
}

async function libraryReads(dispatcher: Dispatcher, sourceId: string): Promise<{ label: string; summary: Summary }[]> {
  return [
    { label: 'tags.list (every tag with usage counts)', summary: await timeCalls(dispatcher, 'tags.list', {}, 5) },
    { label: 'quotes.list first page (100, whole library)', summary: await timeCalls(dispatcher, 'quotes.list', { limit: 100, offset: 0 }, 10) },
    { label: 'quotes.list of one source', summary: await timeCalls(dispatcher, 'quotes.list', { sourceId, limit: 100, offset: 0 }, 30) },
  ];
}

/** The product's connection, reached past `private` only to try a pragma on it (a proposed one-line change). */
function productConnection(workspace: Workspace): Database.Database {
  return workspace['db'];
}

async function main(): Promise<void> {
  const runStarted = process.hrtime.bigint();
  const size = sizeFor(config.scale);
  const host = machine();
  const loadAtStart = loadAverage();
  log(`Warrant evidence-library benchmark — ${size.sources.toLocaleString('en')} sources, ${size.quotes.toLocaleString('en')} quotes (scale ${config.scale}, seed ${config.seed})`);
  log(`${host.cpu}; ${host.memory}; ${host.os}; Node ${host.node}; load average ${loadAtStart}`);

  // 1. The workspace.
  log('Workspace: generating or reusing the cached file…');
  const bench = ensureWorkspace({ dir: CACHE_DIR, seed: config.seed, size, log });
  log(`  ${bench.generated ? 'generated' : 'reused'} ${bench.path}`);

  // 2. Opening it in a fresh process, with the file evicted from the OS cache (cold) and not (warm).
  log(`Open: ${config.openRuns} fresh processes cold, ${config.openRuns} warm…`);
  const cold: OpenProbeResult[] = [];
  const warm: OpenProbeResult[] = [];
  let evicted = true;
  for (let run = 0; run < config.openRuns; run += 1) {
    evicted = evictFromPageCache(bench.path) && evicted;
    cold.push(openProbe(bench.path));
    warm.push(openProbe(bench.path));
  }
  const reopenSamples: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    reopenSamples.push(timeSync(() => new WorkspaceSession(bench.path).close()));
  }

  // 3. The session the rest of the run uses, and a second connection for the raw statements.
  const session = new WorkspaceSession(bench.path);
  const jobManager = new JobManager();
  const uploads = new UploadStore();
  const services: HostServices = { appVersion: 'bench', dialogs: null, deliverCopy: async () => Promise.reject(new Error('unused')) };
  const { handlers, jobHandlers } = createHandlers(session, jobManager, services, uploads);
  const dispatcher = createDispatcher(handlers, jobHandlers, jobManager, { onInternalError: (operation, error) => log(`internal error in ${operation}: ${String(error)}`) });
  const raw = new Database(bench.path, { readonly: true });
  const sqliteVersion = raw.prepare('SELECT sqlite_version()').pluck().get() as string;
  const plans: Record<string, string[]> = {};

  // The generated rows read back through the contract as the app's own (output schemas hold).
  const anchored = raw
    .prepare('SELECT q.id FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.start_offset IS NOT NULL AND q.deleted_at IS NULL AND s.deleted_at IS NULL ORDER BY q.num DESC LIMIT 1')
    .pluck()
    .get() as string;
  const quote = await call<Quote>(dispatcher, 'quotes.get', { id: anchored });
  if (quote.integrity !== 'verified') throw new Error(`generated anchored quote ${anchored} reads back as ${quote.integrity}`);
  await call(dispatcher, 'sources.detail', { id: quote.sourceId });

  // 4. Other reads of the evidence library that a first screen makes.
  log('Library reads: tags.list, quotes.list…');
  const otherReads = await libraryReads(dispatcher, quote.sourceId);

  // 5. The library list's first page.
  const tags = tagUsage(raw);
  const byQuotes = [...tags].sort((a, b) => b.quotes - a.quotes);
  const roots = tags.filter((tag) => !tag.path.includes('/')).sort((a, b) => b.sources - a.sources);
  const leaves = tags.filter((tag) => tag.path.includes('/') && !tags.some((other) => other.path.startsWith(`${tag.path}/`))).sort((a, b) => b.sources - a.sources);
  const rootTag = roots[0] as Tagged;
  const popularLeaf = leaves[0] as Tagged;
  const medianLeaf = leaves[Math.floor(leaves.length / 2)] as Tagged;
  const rareLeaf = leaves[leaves.length - 1] as Tagged;
  const listCases: ListCase[] = [];
  for (const sort of ['updated', 'title', 'published', 'accessed', 'reliability'] as const) {
    for (const direction of ['desc', 'asc'] as const) listCases.push({ label: `${sort} ${direction}`, sort, direction });
  }
  for (const [name, tag] of [['root', rootTag], ['popular', popularLeaf], ['median', medianLeaf], ['rare', rareLeaf]] as const) {
    listCases.push({ label: `updated desc, ${name} tag ${tag.path} (${tag.sources.toLocaleString('en')})`, sort: 'updated', direction: 'desc', filter: { tagId: tag.id } });
  }
  listCases.push({ label: 'updated desc, kind imagery', sort: 'updated', direction: 'desc', filter: { kinds: ['imagery'] } });
  listCases.push({ label: 'reliability desc, ungraded + A', sort: 'reliability', direction: 'desc', filter: { reliability: ['ungraded', 'A'] } });
  listCases.push({ label: 'published desc, 2017-10…2017-11', sort: 'published', direction: 'desc', filter: { publishedFrom: '2017-10', publishedTo: '2017-11' } });
  log(`Library list: ${listCases.length} cases × ${config.listIterations}…`);
  const lists = await runListBench({ dispatcher, workspace: () => session.current, raw, cases: listCases, iterations: config.listIterations, plans });

  // 6. Search.
  const rng = new Rng(config.seed ^ 0xbe4c);
  const searchTags = [rootTag, ...roots.slice(1, 3), ...byQuotes.slice(0, 3), medianLeaf, rareLeaf];
  const { queries, bands } = buildQueries(raw, rng, config.perCategory, searchTags);
  log(`Search: ${queries.length} queries (${bands.common.length} very common, ${bands.mid.length} mid, ${bands.rare.length} rare terms to draw from), ${config.passes} passes…`);
  const proposed = new ProposedSearch(raw, { scanCap: config.scanCap, recency: false, docFrequency: bands.docs });
  const recency = new ProposedSearch(raw, { scanCap: config.scanCap, recency: true, docFrequency: bands.docs });
  const searchOptions = { dispatcher, workspace: () => session.current, raw, proposed, recency, queries, passes: config.passes, rng, log };
  await warmUpSearch(searchOptions, Math.min(200, queries.length));
  const results = await runSearchBench(searchOptions);

  // 6a. Experiments on the default connections: smaller caps, filters as index terms, other SQL.
  log('Experiments: cap sweep, filters as index terms, tag counts, quote total…');
  const caps = capSweep(raw, bands.common, [250, 500, 1000, 2000, 5000]);
  const totalQuotes = raw.prepare('SELECT count(*) FROM quotes').pluck().get() as number;
  const proxy = proxyStatement(raw, FILTERED_CANDIDATE_CAP);
  const proxyFilters: { label: string; filter: SourceFilter }[] = [
    { label: 'kind news report', filter: { kinds: ['news_report'] } },
    { label: 'kind official statement', filter: { kinds: ['official_statement'] } },
    { label: 'kind imagery', filter: { kinds: ['imagery'] } },
    { label: 'reliability A', filter: { reliability: ['A'] } },
    { label: `tag ${popularLeaf.path}`, filter: { tagId: popularLeaf.id } },
    { label: `tag ${medianLeaf.path}`, filter: { tagId: medianLeaf.id } },
    { label: `tag ${rareLeaf.path}`, filter: { tagId: rareLeaf.id } },
  ];
  const filterProxies: FilterProxy[] = [];
  for (const { label, filter } of proxyFilters) {
    const { tagId, ...sourceOnly } = filter;
    const where = sourceFilterSql(sourceOnly, 's');
    const clauses = ['q.deleted_at IS NULL', where.where, ...(tagId ? [taggedWithin('quote', 'q.id')] : [])];
    const kept = raw.prepare(`SELECT count(*) FROM quotes q JOIN sources s ON s.id = q.source_id WHERE ${clauses.join(' AND ')}`).pluck().get(...where.params, ...(tagId ? [tagId] : [])) as number;
    const contractSamples: number[] = [];
    for (let iteration = -1; iteration < 5; iteration += 1) {
      const start = process.hrtime.bigint();
      await call(dispatcher, 'search.query', { text: 'the', filter, limit: 20 });
      if (iteration >= 0) contractSamples.push(since(start));
    }
    const near = nearestTerm(bands.docs, Math.max(1, kept));
    const proxySamples: number[] = [];
    for (let iteration = -1; iteration < 5; iteration += 1) {
      const time = timeSync(() => proxy.all(`"the" AND "${near.term}"`));
      if (iteration >= 0) proxySamples.push(time);
    }
    filterProxies.push({ filter: label, share: kept / totalQuotes, contract: summarise(contractSamples), proxyTerm: near.term, proxyDocs: near.docs, proxy: summarise(proxySamples) });
  }
  const alternatives = libraryAlternatives(raw, 3);

  // 6b. The same with memory-mapped reads on both connections (a proposed pragma), one pass.
  log(`With PRAGMA mmap_size = ${config.mmapBytes} on both connections: search (1 pass), lists, library reads…`);
  const product = productConnection(session.current);
  product.pragma(`mmap_size = ${config.mmapBytes}`);
  raw.pragma(`mmap_size = ${config.mmapBytes}`);
  const mmapBytes = Number(raw.pragma('mmap_size', { simple: true }));
  await warmUpSearch(searchOptions, Math.min(200, queries.length));
  const mapped = await runSearchBench({ ...searchOptions, passes: 1, modes: ['contract', 'rawCapped', 'proposed', 'recency'] });
  const mappedLists = await runListBench({ dispatcher, workspace: () => session.current, raw, cases: listCases, iterations: config.listIterations, plans: {} });
  const mappedReads = await libraryReads(dispatcher, quote.sourceId);

  // 7. Where the time goes, and the alternatives tried in bench code.
  const candidates = new CandidateStatements(raw);
  const examples: { label: string; text: string; filter: object }[] = [
    { label: 'common word', text: 'the', filter: {} },
    { label: 'common word, kind imagery', text: 'the', filter: { kinds: ['imagery'] } },
    { label: 'common word, rare tag', text: 'the', filter: { tagId: rareLeaf.id } },
  ];
  for (const example of examples) {
    const built = candidates.quoteSql(parseSearchQuery(example.text), example.filter);
    plans[`search quote candidates: ${example.label}`] = (raw.prepare(`EXPLAIN QUERY PLAN ${built.sql}`).all(...built.params) as { detail: string }[]).map((row) => row.detail);
  }
  const rankSql = { quotes: 'quotes_fts', sources: 'sources_fts' };
  const rankEvery = Object.entries(rankSql).map(([name, table]) => {
    const statement = raw.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT 20`);
    const samples: number[] = [];
    for (let iteration = 0; iteration < 5; iteration += 1) samples.push(timeSync(() => statement.all('"the"')));
    return { name, summary: summarise(samples), matches: raw.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck().get('"the"') as number };
  });

  const loadAtEnd = loadAverage();
  raw.close();
  session.close();

  // 7b. Opening after a search-index version bump rebuilds every index inside Workspace.open.
  let rebuildMs: number | null = null;
  if (config.rebuild) {
    log('Rebuild: opening a copy whose search index predates this build…');
    const copy = join(CACHE_DIR, 'rebuild-copy.warrant');
    copyFileSync(bench.path, copy);
    const stale = new Database(copy);
    stale.prepare("UPDATE index_state SET version = version - 1 WHERE name = 'search'").run();
    stale.close();
    rebuildMs = timeSync(() => Workspace.open(copy).close());
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
  uploads.dispose();
  const runSeconds = since(runStarted) / 1000;

  // 8. Report.
  const lines: string[] = [];
  const out = (line = ''): void => {
    lines.push(line);
  };
  out(`Warrant evidence-library benchmark (bench/run.ts)`);
  out(`Machine: ${host.cpu}, ${host.memory} RAM, ${host.os}, Node ${host.node}, SQLite ${sqliteVersion}; load average ${loadAtStart} at start, ${loadAtEnd} at end`);
  out(`Scale ${config.scale}, seed ${config.seed}, ${config.passes} search passes, ${queries.length} queries; whole run ${runSeconds.toFixed(0)} s`);
  out();
  const m = bench.meta;
  out(`Workspace: ${m.counts.sources?.toLocaleString('en')} sources, ${m.counts.quotes?.toLocaleString('en')} quotes, ${m.counts.tags} tags, ${m.counts.source_tags?.toLocaleString('en')} source tags, ${m.counts.quote_tags?.toLocaleString('en')} quote tags, ${m.snapshots.toLocaleString('en')} snapshots, ${m.counts.source_derivations} derived-from links; CJK: ${m.cjkQuotes.toLocaleString('en')} quotes, ${m.cjkSources.toLocaleString('en')} sources`);
  out(`  file ${(m.fileBytes / 2 ** 20).toFixed(0)} MiB; generated in ${(m.generatedMs / 1000).toFixed(0)} s ${bench.generated ? '(this run)' : '(cached; time of the run that generated it)'}`);
  out();
  const openRow = (label: string, samples: OpenProbeResult[], pick: (probe: OpenProbeResult) => number): string[] => {
    const summary = summarise(samples.map(pick));
    return [label, ms(summary.p50), ms(summary.max)];
  };
  out(`Open (fresh process; cold = file evicted from the OS page cache${evicted ? '' : ' — eviction FAILED, so not cold'}), ms`);
  out(
    table(
      ['', 'p50', 'max'],
      [
        openRow('Workspace open, cold', cold, (probe) => probe.openMs),
        openRow('  first sources.list, cold', cold, (probe) => probe.firstListMs),
        openRow('  first search.query "missile", cold', cold, (probe) => probe.firstSearchMs),
        openRow('Workspace open, warm', warm, (probe) => probe.openMs),
        openRow('  first sources.list, warm', warm, (probe) => probe.firstListMs),
        openRow('  first search.query "missile", warm', warm, (probe) => probe.firstSearchMs),
        openRow('module import (not part of open)', warm, (probe) => probe.importMs),
        [`reopen in the same process`, ms(summarise(reopenSamples).p50), ms(summarise(reopenSamples).max)],
        ...(rebuildMs === null ? [] : [[`first open after a search-index version bump (full rebuild)`, ms(rebuildMs), '']]),
      ],
    ),
  );
  out();
  out(`Library list, first page (100 rows), ms — contract = dispatcher.call('sources.list'); repo = workspace.sources.list; page/count = its two statements alone`);
  out(
    table(
      ['case', 'total', 'contract p50', 'p95', 'max', 'repo p50', 'contract/repo', 'page p50', 'count p50', 'sorts all?', 'proposed page+count p50'],
      lists.map((list: ListResult) => [
        list.label,
        list.total.toLocaleString('en'),
        ms(list.contract.p50),
        ms(list.contract.p95),
        ms(list.contract.max),
        ms(list.repository.p50),
        ratio(list.contract.p50, list.repository.p50),
        ms(list.pageSql.p50),
        ms(list.countSql.p50),
        list.sortsInTempBtree ? 'yes' : 'no',
        list.proposedSql ? `${ms(list.proposedSql.p50)} (${ratio(list.proposedSql.p50, list.pageSql.p50 + list.countSql.p50)}, ${list.proposal})` : '',
      ]),
    ),
  );
  out();
  out(`Library list with PRAGMA mmap_size = ${mmapBytes} (contract p95, ms)`);
  out(
    table(
      ['case', 'default', 'mmap', 'mmap/default', 'proposed page+count p50, mmap', 'estimated contract p95, mmap + proposed'],
      lists.map((list, index) => {
        const withMmap = mappedLists[index] as ListResult;
        return [list.label, ms(list.contract.p95), ms(withMmap.contract.p95), ratio(withMmap.contract.p95, list.contract.p95), withMmap.proposedSql ? ms(withMmap.proposedSql.p50) : '', ms(estimatedList(withMmap))];
      }),
    ),
  );
  out();
  out('Other library reads at the contract boundary, ms');
  out(
    table(
      ['', 'p50', 'p95', 'max', 'p50 with mmap', 'mmap/default'],
      otherReads.map((read, index) => {
        const withMmap = (mappedReads[index] as { summary: Summary }).summary;
        return [read.label, ms(read.summary.p50), ms(read.summary.p95), ms(read.summary.max), ms(withMmap.p50), ratio(withMmap.p50, read.summary.p50)];
      }),
    ),
  );
  out();
  out(
    `Search, ms per query (limit 20; candidate cap ${CANDIDATE_CAP}, ${FILTERED_CANDIDATE_CAP} with a filter). contract = dispatcher.call('search.query'); raw capped = bare FTS5 statements with the same cap (newest matches with bm25, quotes + sources, no joins or filters); raw ranked = bare "ORDER BY rank LIMIT 20" (bm25 over every match)`,
  );
  const searchRows = [...QUERY_CATEGORIES.map((category) => [category, results.filter((result) => result.query.category === category)] as const), ['overall', results] as const];
  out(
    table(
      ['category', 'n', 'median quote hits', 'contract p50', 'p95', 'max', 'raw capped p50', 'p95', 'contract/raw p95', 'p95 − raw p95', 'raw ranked p50', 'p95', 'max'],
      searchRows.map(([category, group]) => {
        const contract = modeSummary([...group], 'contract');
        const capped = modeSummary([...group], 'rawCapped');
        const ranked = modeSummary([...group], 'rawRanked');
        const hits = [...group].map((result) => result.quotesTotal).sort((a, b) => a - b);
        return [
          category,
          String(contract.n),
          `${percentile(hits, 50).toLocaleString('en')}${hits.some((count) => count >= CANDIDATE_CAP) ? ` (${Math.round((100 * hits.filter((count) => count >= CANDIDATE_CAP).length) / hits.length)}% capped)` : ''}`,
          ms(contract.p50),
          ms(contract.p95),
          ms(contract.max),
          ms(capped.p50),
          ms(capped.p95),
          ratio(contract.p95, capped.p95),
          ms(contract.p95 - capped.p95),
          ms(ranked.p50),
          ms(ranked.p95),
          ms(ranked.max),
        ];
      }),
    ),
  );
  out();
  out('Where the contract time goes (p50 / p95, ms): candidates = the two candidate statements of search.ts (FTS5; joins only with a filter); repository = the whole search without the contract');
  out(
    table(
      ['category', 'raw capped', 'candidates', 'repository', 'contract', 'per-query contract − raw p95'],
      searchRows.map(([category, group]) => {
        const cell = (mode: SearchMode): string => {
          const summary = modeSummary([...group], mode);
          return `${ms(summary.p50)} / ${ms(summary.p95)}`;
        };
        return [category, cell('rawCapped'), cell('candidates'), cell('repository'), cell('contract'), ms(summarise(overheads([...group])).p95)];
      }),
    ),
  );
  out();
  out(
    `Proposed search (bench/alt-search.ts: statements prepared once; no joins before ranking without filters; with filters at most ${config.scanCap.toLocaleString('en')} newest matches examined; one snippet statement for prefixes), same validation as the contract; "+ recency" also orders prefixes and very common words newest first (no bm25), ms`,
  );
  out(
    table(
      ['category', 'contract p50', 'p95', 'proposed p50', 'p95', 'proposed/contract p95', 'proposed p95 − raw p95', 'of which snippets p50 / p95', '+ recency p50', 'p95', 'same first page', 'capped (product → proposed)'],
      searchRows.map(([category, group]) => {
        const contract = modeSummary([...group], 'contract');
        const alt = modeSummary([...group], 'proposed');
        const newest = modeSummary([...group], 'recency');
        const capped = modeSummary([...group], 'rawCapped');
        const snippets = summarise([...group].flatMap((result) => result.snippetMs));
        const share = (count: number): string => `${Math.round((100 * count) / group.length)}%`;
        return [
          category,
          ms(contract.p50),
          ms(contract.p95),
          ms(alt.p50),
          ms(alt.p95),
          ratio(alt.p95, contract.p95),
          ms(alt.p95 - capped.p95),
          `${ms(snippets.p50)} / ${ms(snippets.p95)}`,
          ms(newest.p50),
          ms(newest.p95),
          share(group.filter((result) => result.samePage).length),
          `${share(group.filter((result) => result.capped).length)} → ${share(group.filter((result) => result.proposedCapped).length)}`,
        ];
      }),
    ),
  );
  out();
  const mappedRows = [...QUERY_CATEGORIES.map((category) => [category, mapped.filter((result) => result.query.category === category)] as const), ['overall', mapped] as const];
  out(`With PRAGMA mmap_size = ${mmapBytes} on both connections (one pass), p50 / p95 ms; ratio against the default-pragma passes above`);
  out(
    table(
      ['category', 'raw capped', 'contract', 'contract mmap/default p95', 'proposed', 'proposed p95 − raw p95', '+ recency'],
      mappedRows.map(([category, group], index) => {
        const before = modeSummary([...(searchRows[index]?.[1] ?? [])], 'contract');
        const capped = modeSummary([...group], 'rawCapped');
        const contract = modeSummary([...group], 'contract');
        const alt = modeSummary([...group], 'proposed');
        const newest = modeSummary([...group], 'recency');
        return [
          category,
          `${ms(capped.p50)} / ${ms(capped.p95)}`,
          `${ms(contract.p50)} / ${ms(contract.p95)}`,
          ratio(contract.p95, before.p95),
          `${ms(alt.p50)} / ${ms(alt.p95)}`,
          ms(alt.p95 - capped.p95),
          `${ms(newest.p50)} / ${ms(newest.p95)}`,
        ];
      }),
    ),
  );
  out();
  out(`Smaller caps: bare capped statement on quotes for the ${bands.common.length} very common words, ms`);
  out(table(['cap', 'p50', 'p95', 'max', 'p50 vs cap 2000'], caps.map((entry) => [entry.cap.toLocaleString('en'), ms(entry.summary.p50), ms(entry.summary.p95), ms(entry.summary.max), ratio(entry.summary.p50, caps.find((other) => other.cap === CANDIDATE_CAP)?.summary.p50 ?? Number.NaN)])));
  out();
  out('Filters as index terms (proxy): "the" + filter through the contract, vs. the bare capped statement "the" AND a word with as many quotes as the filter keeps (what a facets column would cost), ms p50');
  out(
    table(
      ['filter', 'quotes kept', 'contract', 'proxy word (quotes)', 'bare "the" AND word', 'proxy/contract'],
      filterProxies.map((entry) => [
        entry.filter,
        `${(entry.share * 100).toFixed(entry.share < 0.001 ? 3 : 1)}%`,
        ms(entry.contract.p50),
        `${entry.proxyTerm} (${entry.proxyDocs.toLocaleString('en')})`,
        ms(entry.proxy.p50),
        ratio(entry.proxy.p50, entry.contract.p50),
      ]),
    ),
  );
  out();
  out('Other statements: product SQL vs. proposed SQL on the raw connection (same rows checked), ms p50');
  out(table(['statement', 'product', 'proposed', 'proposed/product', 'same rows'], alternatives.map((entry) => [entry.label, ms(entry.product.p50), ms(entry.proposed.p50), ratio(entry.proposed.p50, entry.product.p50), entry.same ? 'yes' : 'NO'])));
  out();
  out(`Rank every match of "the" (bare statement, ORDER BY rank LIMIT 20, 5 runs): ${rankEvery.map((entry) => `${entry.name} ${entry.matches.toLocaleString('en')} matches p50 ${ms(entry.summary.p50)} ms`).join('; ')}`);
  out();
  const overall = modeSummary(results, 'contract');
  const overallRaw = modeSummary(results, 'rawCapped');
  const worstList = Math.max(...lists.map((list) => list.contract.p95));
  const openCold = summarise(cold.map((probe) => probe.openMs)).max;
  const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  const proposedOverall = modeSummary(mapped, 'proposed');
  const recencyOverall = modeSummary(mapped, 'recency');
  const proposedRaw = modeSummary(mapped, 'rawCapped');
  const bestList = Math.max(
    ...mappedLists.map(estimatedList),
  );
  out('Targets');
  out(
    table(
      ['target', 'measured', ''],
      [
        [`search p95 ≤ ${TARGETS.searchP95} ms (contract, all queries)`, `${ms(overall.p95)} ms`, verdict(overall.p95 <= TARGETS.searchP95)],
        [`≤ ${TARGETS.overheadP95} ms over raw at p95 (contract p95 − raw capped p95)`, `${ms(overall.p95 - overallRaw.p95)} ms (${ratio(overall.p95, overallRaw.p95)})`, verdict(overall.p95 - overallRaw.p95 <= TARGETS.overheadP95)],
        [`library list first page ≤ ${TARGETS.listFirstPage} ms (worst case's p95)`, `${ms(worstList)} ms`, verdict(worstList <= TARGETS.listFirstPage)],
        [`workspace opens ≤ ${TARGETS.open} ms (cold, worst of ${config.openRuns})`, `${ms(openCold)} ms`, verdict(openCold <= TARGETS.open)],
        [`with the fixes: search p95 (proposed search + mmap)`, `${ms(proposedOverall.p95)} ms`, verdict(proposedOverall.p95 <= TARGETS.searchP95)],
        [`with the fixes + recency while typing: search p95`, `${ms(recencyOverall.p95)} ms`, verdict(recencyOverall.p95 <= TARGETS.searchP95)],
        [`with the fixes: over raw at p95 (proposed − raw capped, both mmap)`, `${ms(proposedOverall.p95 - proposedRaw.p95)} ms (${ratio(proposedOverall.p95, proposedRaw.p95)})`, verdict(proposedOverall.p95 - proposedRaw.p95 <= TARGETS.overheadP95)],
        [`with the fixes: list first page (mmap + proposed statements, estimated)`, `${ms(bestList)} ms`, verdict(bestList <= TARGETS.listFirstPage)],
      ],
    ),
  );
  const report = lines.join('\n');
  process.stdout.write(`\n${report}\n`);

  const resultsPath = join(CACHE_DIR, `results-${size.sources}s-${size.quotes}q.json`);
  writeFileSync(
    resultsPath,
    `${JSON.stringify(
      {
        config,
        machine: host,
        sqliteVersion,
        loadAtStart,
        loadAtEnd,
        runSeconds,
        meta: bench.meta,
        generated: bench.generated,
        open: { cold, warm, reopen: summarise(reopenSamples), evicted, rebuildMs },
        otherReads,
        mappedReads,
        lists,
        mappedLists,
        mmapBytes,
        plans,
        bands: { common: bands.common.length, mid: bands.mid.length, rare: bands.rare.length },
        search: Object.fromEntries(
          searchRows.map(([category, group]) => [
            category,
            {
              label: category === 'overall' ? 'all queries' : CATEGORY_LABELS[category as QueryCategory],
              ...Object.fromEntries(SEARCH_MODES.map((mode) => [mode, modeSummary([...group], mode)])),
              overheadPerQuery: summarise(overheads([...group])),
              medianQuoteHits: percentile([...group].map((result) => result.quotesTotal).sort((a, b) => a - b), 50),
            },
          ]),
        ),
        slowest: [...results]
          .sort((a, b) => Math.max(...b.times.contract) - Math.max(...a.times.contract))
          .slice(0, 25)
          .map((result) => ({ ...result.query, quotesTotal: result.quotesTotal, sourcesTotal: result.sourcesTotal, times: result.times })),
        mappedSearch: Object.fromEntries(
          mappedRows.map(([category, group]) => [category, Object.fromEntries((['contract', 'rawCapped', 'proposed', 'recency'] as const).map((mode) => [mode, modeSummary([...group], mode)]))]),
        ),
        samePage: Object.fromEntries(searchRows.map(([category, group]) => [category, group.filter((result) => result.samePage).length / group.length])),
        rankEvery,
        caps,
        filterProxies,
        alternatives,
        report,
      },
      null,
      2,
    )}\n`,
  );
  log(`Figures written to ${resultsPath}`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
