/**
 * Library import and export at scale: BibTeX files of 10,000 and 100,000 synthetic entries
 * (LaTeX accents, @string macros, several authors, keywords, DOIs, URLs) imported into fresh
 * workspaces, then the 100,000 sources exported as CSL-JSON and BibTeX.
 *
 * Each size is imported twice, each time in a fresh process (so the peak RSS is that import's):
 *   before  the old path, the in-run baseline: every entry through citation-js's grammar, the
 *           whole file read into memory, then one write;
 *   after   what the CLI does now (`importOpened`): Warrant's own field reader, each batch
 *           written as it is read, inside one transaction.
 * A third run of each size reads only (no write), to give the parse phase of the new path.
 *
 *   npm run bench:import                 # 10k and 100k (also part of `npm run bench`)
 *   npm run bench:import -- --sizes 10000
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Workspace } from '../db/workspace';
import { loadCitationJs } from '../main/interchange/citation';
import { exportToFile } from '../main/interchange/export-library';
import { commitRead, importOpened } from '../main/interchange/import-service';
import { openLibraryFile, readLibraryFile, type ReadControl } from '../main/interchange/read-file';
import { decider } from '../src/interchange/plan';
import { recordPart } from './results-file';
import { syntheticBibtex } from './synthetic-bibtex';

type Path = 'before' | 'after' | 'read';

interface Figures {
  what: string;
  path: Path;
  size: number;
  seconds: number;
  cpuSeconds: number;
  /** The old path's phases; the new one interleaves them (its read alone is the `read` run). */
  readSeconds?: number;
  readCpuSeconds?: number;
  peakRssMegabytes: number;
  rssBeforeMegabytes: number;
  megabytes: number;
  citationJsLoadSeconds: number;
}

/** CPU time used since `from` (user + system): on a shared machine, wall time also counts others' work. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

const quiet: ReadControl = { progress() {}, throwIfCancelled() {} };
const megabytes = (bytes: number): number => bytes / 2 ** 20;
const mb = (bytes: number): string => `${megabytes(bytes).toFixed(1)} MB`;

/** One import in this process: the figures go to stdout as one JSON line for the parent. */
async function child(path: Path, size: number, exportAfter: boolean): Promise<void> {
  const bytes = new TextEncoder().encode(syntheticBibtex(size));
  // citation-js loads once per process, on the first import; timed apart from the import itself.
  const loadStarted = performance.now();
  await loadCitationJs();
  const citationJsLoadSeconds = (performance.now() - loadStarted) / 1000;
  const dir = mkdtempSync(join(tmpdir(), 'warrant-import-bench-'));
  const workspace = Workspace.open(join(dir, `import-${size}.warrant`), { create: true });
  const exports: Record<string, unknown>[] = [];
  try {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let imported: number;
    let readSeconds: number | undefined;
    let readCpuSeconds: number | undefined;
    if (path === 'after') {
      imported = (await importOpened(workspace, openLibraryFile(bytes, `bench-${size}.bib`), 'skip', quiet)).imported;
    } else if (path === 'read') {
      imported = 0;
      await readLibraryFile(bytes, `bench-${size}.bib`, quiet, { onRecords: (records) => (imported += records.length) });
    } else {
      const read = await readLibraryFile(bytes, `bench-${size}.bib`, quiet, { bibtexPath: 'grammar' });
      readSeconds = (performance.now() - started) / 1000;
      readCpuSeconds = cpuSeconds(cpuStarted);
      imported = commitRead(workspace, `bench-${size}.bib`, read, decider('skip'), quiet).imported;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(cpuStarted);
    if (imported !== size) throw new Error(`expected ${size} entries, got ${imported}`);
    if (exportAfter)
      for (const format of ['csl-json', 'bibtex'] as const) {
        const out = join(dir, `export-${size}.${format}`);
        const exportStarted = performance.now();
        const exportCpu = process.cpuUsage();
        const count = await exportToFile(workspace, format, out, quiet);
        exports.push({
          what: `export ${count} sources as ${format}`,
          seconds: (performance.now() - exportStarted) / 1000,
          cpuSeconds: cpuSeconds(exportCpu),
          megabytes: megabytes(statSync(out).size),
        });
      }
    const figures: Figures = {
      what: `${path === 'read' ? 'read only' : 'import'} ${size} BibTeX entries, ${path}`,
      path,
      size,
      seconds,
      cpuSeconds: cpu,
      readSeconds,
      readCpuSeconds,
      // The process's high-water mark, sampled by the kernel: what the import needed at its worst.
      peakRssMegabytes: process.resourceUsage().maxRSS / 1024,
      rssBeforeMegabytes: megabytes(rssBefore),
      megabytes: megabytes(bytes.byteLength),
      citationJsLoadSeconds,
    };
    process.stdout.write(`${JSON.stringify({ figures, exports })}\n`);
  } finally {
    workspace.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(path: Path, size: number, exportAfter: boolean): { figures: Figures; exports: Record<string, unknown>[] } {
  const script = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, script, '--child', path, '--sizes', String(size), ...(exportAfter ? ['--export'] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (run.status !== 0) throw new Error(`the ${path} run of ${size} failed:\n${run.stderr}`);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as { figures: Figures; exports: Record<string, unknown>[] };
}

function describe(figures: Figures): string {
  const phases =
    figures.readSeconds === undefined
      ? ''
      : ` (read ${figures.readSeconds.toFixed(2)} s + write ${(figures.seconds - figures.readSeconds).toFixed(2)} s; CPU read ${figures.readCpuSeconds?.toFixed(2)} s + write ${(figures.cpuSeconds - (figures.readCpuSeconds ?? 0)).toFixed(2)} s)`;
  return `${figures.what.padEnd(40)} ${figures.seconds.toFixed(2).padStart(6)} s wall, ${figures.cpuSeconds.toFixed(2).padStart(6)} s CPU${phases}; peak RSS ${figures.peakRssMegabytes.toFixed(0)} MB (${figures.rssBeforeMegabytes.toFixed(0)} MB before)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      child: { type: 'string' },
      export: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (values.child) return child(values.child as Path, sizes[0] ?? 10000, values.export);
  console.log(`Library import/export benchmark — ${new Date().toISOString()}`);
  const load = (): string =>
    loadavg()
      .map((n) => n.toFixed(1))
      .join(' ');
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${mb(totalmem())} RAM, Node ${process.version}, load average ${load()}`,
  );
  const runs: Record<string, unknown>[] = [];
  for (const size of sizes) {
    for (const path of ['before', 'after', 'read'] as const) {
      const { figures, exports } = runChild(path, size, path === 'after' && size === Math.max(...sizes));
      console.log(describe(figures));
      runs.push({ ...figures }, ...exports);
      for (const exported of exports)
        console.log(
          `  ${String(exported.what)}: ${Number(exported.seconds).toFixed(2)} s (CPU ${Number(exported.cpuSeconds).toFixed(2)} s)`,
        );
    }
  }
  console.log(`load average at the end ${load()}`);
  recordPart('import', `npm run bench:import -- --sizes ${values.sizes}`, { runs });
}

await main();
