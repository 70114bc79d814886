/**
 * Library import and export at scale: BibTeX files of 10,000 and 100,000 synthetic entries
 * (LaTeX accents, @string macros, several authors, keywords, DOIs, URLs) imported into fresh
 * workspaces the way the CLI does it, then the 100,000 sources exported as CSL-JSON and BibTeX.
 *
 *   npm run bench:import                 # 10k and 100k (also part of `npm run bench`)
 *   npm run bench:import -- --sizes 10000
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Workspace } from '../db/workspace';
import { exportToFile } from '../main/interchange/export-library';
import { commitRead } from '../main/interchange/import-service';
import { readLibraryFile } from '../main/interchange/read-file';
import { decider } from '../src/interchange/plan';
import { recordPart } from './results-file';
import { Rng } from './prng';

const SURNAMES = ['Stoltenberg', 'M{\\"u}ller', 'Kim', 'Tanaka', 'Dupont', "O'Brien", 'Nakamura', "Garc{\\'i}a", 'Novak', 'Smith'];
const GIVEN = ['Jens', 'J{\\"o}rg', 'Min-jun', 'Yuki', 'Claire', 'Aoife', 'Hiroshi', "Luc{\\'i}a", 'Petra', 'John'];
const WORDS = [
  'NATO',
  'deterrence',
  'Pyongyang',
  'missile',
  'defence',
  'alliance',
  'Seoul',
  'Tokyo',
  'summit',
  'sanctions',
  'partnership',
  'security',
  'Asia-Pacific',
  'cyber',
  'maritime',
];
const TAGS = ['Actor/NATO', 'Actor/DPRK', 'Region/Asia-Pacific', 'Topic/Missile defence', 'Topic/Sanctions', 'Region/Europe'];

/** A deterministic BibTeX file of `count` distinct entries (no duplicates, so all are written). */
export function syntheticBibtex(count: number, seed = 2017): string {
  const rng = new Rng(seed);
  const parts = ['@string{nato = {North Atlantic Treaty Organization}}\n@string{kyodo = {Kyodo News}}\n'];
  for (let i = 0; i < count; i += 1) {
    const authors = Array.from({ length: rng.int(1, 3) }, () => `${rng.pick(SURNAMES)}, ${rng.pick(GIVEN)}`).join(' and ');
    const title = Array.from({ length: rng.int(5, 10) }, () => rng.pick(WORDS)).join(' ');
    const tags = [rng.pick(TAGS), rng.pick(TAGS)].join(', ');
    const year = rng.int(1995, 2026);
    parts.push(
      `@article{entry${i},\n  title = {${title} \\& caf\\'e no. ${i}},\n  author = {${authors}},\n  journaltitle = ${rng.chance(0.5) ? 'nato' : 'kyodo'},\n  date = {${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}},\n  doi = {10.5555/bench.${i}},\n  url = {https://example.org/${year}/${i}.html},\n  keywords = {${tags}},\n  note = {Synthetic entry ${i}: ${title}.}\n}\n\n`,
    );
  }
  return parts.join('');
}

/** CPU time used since `from` (user + system): on a shared machine, wall time also counts others' work. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

const quiet = { progress() {}, throwIfCancelled() {} };

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' } } });
  const sizes = values.sizes.split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'warrant-import-bench-'));
  const figures: Record<string, unknown>[] = [];
  console.log(`Library import/export benchmark — ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${mb(totalmem())} RAM, Node ${process.version}, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  try {
    for (const size of sizes) {
      const text = syntheticBibtex(size);
      const bytes = new TextEncoder().encode(text);
      const path = join(dir, `import-${size}.warrant`);
      const workspace = Workspace.open(path, { create: true });
      try {
        const heapBefore = process.memoryUsage().rss;
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        // The CLI's one-step import, timed in its two phases: reading the file, then one write transaction.
        const read = await readLibraryFile(bytes, `bench-${size}.bib`, quiet);
        const readSeconds = (performance.now() - started) / 1000;
        const readCpu = cpuSeconds(cpuStarted);
        const readRss = process.memoryUsage().rss;
        const report = commitRead(workspace, `bench-${size}.bib`, read, decider('skip'), quiet);
        const seconds = (performance.now() - started) / 1000;
        const cpu = cpuSeconds(cpuStarted);
        const rss = process.memoryUsage().rss;
        if (report.imported !== size || report.failedCount !== 0)
          throw new Error(`expected ${size} imported, got ${JSON.stringify({ ...report, failed: report.failed.slice(0, 3) })}`);
        // CPU time per phase too: on a shared machine it says more than wall time about the work itself.
        console.log(
          `import ${size.toLocaleString('en')} BibTeX entries (${mb(bytes.byteLength)}): ${seconds.toFixed(2)} s (read ${readSeconds.toFixed(2)} s + write ${(seconds - readSeconds).toFixed(2)} s; ${Math.round(size / seconds).toLocaleString('en')} entries/s; CPU ${cpu.toFixed(2)} s = read ${readCpu.toFixed(2)} s + write ${(cpu - readCpu).toFixed(2)} s), RSS ${mb(heapBefore)} → ${mb(readRss)} after the read → ${mb(rss)}`,
        );
        figures.push({
          what: `import ${size} BibTeX entries`,
          seconds,
          readSeconds,
          writeSeconds: seconds - readSeconds,
          cpuSeconds: cpu,
          readCpuSeconds: readCpu,
          writeCpuSeconds: cpu - readCpu,
          rssMegabytes: rss / 2 ** 20,
          megabytes: bytes.byteLength / 2 ** 20,
        });
        if (size === Math.max(...sizes)) {
          for (const format of ['csl-json', 'bibtex'] as const) {
            const out = join(dir, `export-${size}.${format}`);
            const exportStarted = performance.now();
            const exportCpu = process.cpuUsage();
            const count = await exportToFile(workspace, format, out, quiet);
            const exportSeconds = (performance.now() - exportStarted) / 1000;
            console.log(
              `export ${count.toLocaleString('en')} sources as ${format} (${mb(statSync(out).size)}): ${exportSeconds.toFixed(2)} s (CPU ${cpuSeconds(exportCpu).toFixed(2)} s)`,
            );
            figures.push({
              what: `export ${count} sources as ${format}`,
              seconds: exportSeconds,
              cpuSeconds: cpuSeconds(exportCpu),
              megabytes: statSync(out).size / 2 ** 20,
            });
          }
        }
      } finally {
        workspace.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  recordPart('import', `npm run bench:import -- --sizes ${values.sizes}`, { runs: figures });
}

await main();
