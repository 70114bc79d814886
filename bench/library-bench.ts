/**
 * The evidence-library benchmark: `npm run bench:library` (and part of `npm run bench`).
 *
 * Generates (or reuses) a seeded synthetic workspace of 100,000 sources and 1,000,000 quotes,
 * then measures, in one process: opening it, the library list's first page, and ≥ 1,000 mixed
 * searches at the contract boundary and as raw FTS5 statements on the same file, in the same run.
 * Prints a report and writes every figure to bench/results.json.
 *
 * Environment: BENCH_SCALE (1 = full size; 0.1 for a quick run), BENCH_SEED, BENCH_PASSES (search
 * passes over the query set, default 2), BENCH_QUERIES (per category, default 150),
 * BENCH_LIST_ITERATIONS (default 20), BENCH_OPEN_RUNS (fresh processes per open mode, default 5).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createHandlers, type HostServices } from '../main/handlers';
import { UploadStore } from '../main/uploads';
import { WorkspaceSession } from '../main/workspace-session';
import { createDispatcher, type Dispatcher } from '../src/contract/dispatch';
import { JobManager } from '../src/contract/job-manager';
import { type Quote } from '../src/domain/quote';
import { ensureWorkspace, sizeFor } from './generate';
import { runListBench, type ListCase } from './list-bench';
import { type OpenProbeResult } from './open-probe';
import { Rng } from './prng';
import { buildQueries } from './queries';
import { report, summariseSearch } from './report';
import { runSearchBench, warmUpSearch } from './search-bench';
import { describeMachine, loadAverage, recordPart } from './results-file';
import { since, summarise, timeSync, type Summary } from './stats';

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
};

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Drops the file's pages from the OS cache (posix_fadvise DONTNEED via GNU dd), so the next open reads the disk. */
function evictFromPageCache(path: string): boolean {
  spawnSync('sync', [path]);
  return spawnSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none']).status === 0;
}

function openProbe(path: string): OpenProbeResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'open-probe.ts'), path], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`open probe failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as OpenProbeResult;
}

interface Tagged {
  id: string;
  path: string;
  sources: number;
}

/** Every tag with the number of sources carrying it or a tag below it. */
function tagUsage(raw: Database.Database): Tagged[] {
  return raw
    .prepare(
      `SELECT t.id, t.path, (SELECT count(*) FROM source_tags l JOIN tags c ON c.id = l.tag_id WHERE c.path = t.path OR c.path LIKE t.path || '/%') AS sources
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

function listCases(raw: Database.Database): { cases: ListCase[]; searchTags: Tagged[] } {
  const tags = tagUsage(raw);
  const roots = tags.filter((tag) => !tag.path.includes('/')).sort((a, b) => b.sources - a.sources);
  const leaves = tags
    .filter((tag) => tag.path.includes('/') && !tags.some((other) => other.path.startsWith(`${tag.path}/`)))
    .sort((a, b) => b.sources - a.sources);
  const named = [
    ['root', roots[0]],
    ['popular', leaves[0]],
    ['median', leaves[Math.floor(leaves.length / 2)]],
    ['rare', leaves[leaves.length - 1]],
  ] as const;
  const cases: ListCase[] = [];
  for (const sort of ['updated', 'title', 'published', 'accessed', 'reliability'] as const) {
    for (const direction of ['desc', 'asc'] as const) cases.push({ label: `${sort} ${direction}`, sort, direction });
  }
  for (const [name, tag] of named) {
    if (tag)
      cases.push({
        label: `updated desc, ${name} tag ${tag.path} (${tag.sources.toLocaleString('en')})`,
        sort: 'updated',
        direction: 'desc',
        filter: { tagId: tag.id },
      });
  }
  if (named[3][1]) cases.push({ label: `title asc, rare tag`, sort: 'title', direction: 'asc', filter: { tagId: named[3][1].id } });
  cases.push({ label: 'updated desc, kind imagery', sort: 'updated', direction: 'desc', filter: { kinds: ['imagery'] } });
  cases.push({
    label: 'reliability desc, ungraded + A',
    sort: 'reliability',
    direction: 'desc',
    filter: { reliability: ['ungraded', 'A'] },
  });
  cases.push({
    label: 'published desc, 2017-10…2017-11',
    sort: 'published',
    direction: 'desc',
    filter: { publishedFrom: '2017-10', publishedTo: '2017-11' },
  });
  const searchTags = [...roots.slice(0, 3), ...leaves.slice(0, 3), ...named.slice(2).flatMap(([, tag]) => (tag ? [tag] : []))];
  return { cases, searchTags };
}

async function main(): Promise<void> {
  const runStarted = process.hrtime.bigint();
  const size = sizeFor(config.scale);
  const host = describeMachine();
  const loadAtStart = loadAverage();
  log(
    `Warrant evidence-library benchmark: ${size.sources.toLocaleString('en')} sources, ${size.quotes.toLocaleString('en')} quotes (scale ${config.scale}, seed ${config.seed})`,
  );

  log('Workspace: generating or reusing the cached file…');
  const bench = ensureWorkspace({ dir: CACHE_DIR, seed: config.seed, size, log });
  log(`  ${bench.generated ? 'generated' : 'reused'} ${bench.path}`);
  // The first open builds the search indexes if the generator left them to the app; not timed as an open.
  let firstOpenMs = timeSync(() => new WorkspaceSession(bench.path).close());
  log(`  first open in this run: ${(firstOpenMs / 1000).toFixed(1)} s`);

  log(`Open: ${config.openRuns} fresh processes cold, ${config.openRuns} warm…`);
  const cold: OpenProbeResult[] = [];
  const warm: OpenProbeResult[] = [];
  let evicted = true;
  for (let run = 0; run < config.openRuns; run += 1) {
    evicted = evictFromPageCache(bench.path) && evicted;
    cold.push(openProbe(bench.path));
    warm.push(openProbe(bench.path));
  }

  const session = new WorkspaceSession(bench.path);
  const jobManager = new JobManager();
  const uploads = new UploadStore();
  const services: HostServices = { appVersion: 'bench', dialogs: null, deliverCopy: async () => Promise.reject(new Error('unused')) };
  const { handlers, jobHandlers } = createHandlers(session, jobManager, services, uploads);
  const dispatcher = createDispatcher(handlers, jobHandlers, jobManager, {
    onInternalError: (operation, error) => log(`internal error in ${operation}: ${String(error)}`),
  });
  const raw = new Database(bench.path, { readonly: true });
  const sqliteVersion = raw.prepare('SELECT sqlite_version()').pluck().get() as string;

  // The generated rows read back through the contract as the app's own (output schemas hold).
  const anchored = raw
    .prepare('SELECT id FROM quotes WHERE start_offset IS NOT NULL AND deleted_at IS NULL ORDER BY num DESC LIMIT 1')
    .pluck()
    .get() as string;
  const quote = await call<Quote>(dispatcher, 'quotes.get', { id: anchored });
  if (quote.integrity !== 'verified') throw new Error(`generated anchored quote ${anchored} reads back as ${quote.integrity}`);

  log('Library reads…');
  const otherReads = [
    { label: 'tags.list (every tag with usage counts)', summary: await timeCalls(dispatcher, 'tags.list', {}, 5) },
    {
      label: 'quotes.list first page (100, whole library)',
      summary: await timeCalls(dispatcher, 'quotes.list', { limit: 100, offset: 0 }, 10),
    },
    {
      label: 'quotes.list of one source',
      summary: await timeCalls(dispatcher, 'quotes.list', { sourceId: quote.sourceId, limit: 100, offset: 0 }, 30),
    },
    { label: 'sources.detail of one source', summary: await timeCalls(dispatcher, 'sources.detail', { id: quote.sourceId }, 30) },
  ];

  const { cases, searchTags } = listCases(raw);
  log(`Library list: ${cases.length} cases × ${config.listIterations}…`);
  const lists = await runListBench({ dispatcher, workspace: () => session.current, raw, cases, iterations: config.listIterations });

  const rng = new Rng(config.seed ^ 0xbe4c);
  const { queries, bands } = buildQueries(raw, rng, config.perCategory, searchTags);
  log(`Search: ${queries.length} queries, ${config.passes} passes…`);
  const searchOptions = { dispatcher, workspace: () => session.current, raw, queries, passes: config.passes, rng, log };
  await warmUpSearch(searchOptions, Math.min(200, queries.length));
  const results = await runSearchBench(searchOptions);

  const loadAtEnd = loadAverage();
  raw.close();
  session.close();
  uploads.dispose();
  firstOpenMs = Math.round(firstOpenMs);
  const runSeconds = since(runStarted) / 1000;
  const figures = {
    command: `${config.scale === 1 ? '' : `BENCH_SCALE=${config.scale} `}npm run bench:library`,
    date: new Date().toISOString(),
    config,
    machine: host,
    sqliteVersion,
    loadAtStart,
    loadAtEnd,
    runSeconds,
    workspace: bench.meta,
    generated: bench.generated,
    firstOpenMs,
    open: { cold, warm, evicted },
    otherReads,
    lists,
    bands: { common: bands.common.length, mid: bands.mid.length, rare: bands.rare.length },
    results,
  };
  const text = report(figures);
  process.stdout.write(`\n${text}\n`);
  const { command, date: _date, machine: _machine, results: _results, ...rest } = { ...figures };
  recordPart('library', command, { ...rest, report: text, search: summariseSearch(results) });
  log('Figures written to bench/results.json (part "library")');
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
