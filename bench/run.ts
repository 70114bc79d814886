/**
 * `npm run bench`: every benchmark, one after another, each in its own process so one part's
 * memory and caches do not colour the next. Each part records its figures (with its in-run
 * baseline, the machine, the date and the load) in bench/results.json; BENCHMARKS.md presents them.
 *
 *   npm run bench                          # every part
 *   BENCH_PARTS=editor,startup npm run bench
 * Each part also runs alone: npm run bench:library | bench:editor | bench:import | bench:startup | bench:ocr | bench:ach.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAverage, RESULTS_PATH } from './results-file';

const ROOT = resolve(import.meta.dirname, '..');

/** In the order they run: the browser parts last, after the CPU-heavy library generation. */
const PARTS: Record<string, { script: string; args?: string[]; what: string }> = {
  library: { script: 'library-bench.ts', what: 'search, list and open at 100,000 sources / 1,000,000 quotes' },
  import: { script: 'import-bench.ts', what: 'BibTeX import of 10,000 and 100,000 entries, export of 100,000 sources' },
  editor: { script: 'editor-bench.ts', what: 'typing latency at 1,100 and 50,000 words against bare Lexical; autosave' },
  export: { script: 'export-bench.ts', what: 'PDF export of a 1,100-word briefing and a 100-page report, warm and cold' },
  startup: { script: 'startup-bench.ts', what: 'start to an interactive UI in the browser host, against a bare server' },
  ach: {
    script: 'ach-bench.ts',
    what: 'ACH scores, diagnosticity and sensitivity after an edit of a 50 × 500 matrix, against sensitivity by definition',
  },
  ocr: { script: 'ocr-bench.ts', what: 'OCR of a 1440×900 screenshot in English, Japanese and Korean, against tesseract.js alone' },
};

const wanted = (process.env.BENCH_PARTS ?? Object.keys(PARTS).join(','))
  .split(',')
  .map((part) => part.trim())
  .filter((part) => part !== '');
const unknown = wanted.filter((part) => !(part in PARTS));
if (unknown.length > 0) throw new Error(`BENCH_PARTS names unknown parts: ${unknown.join(', ')} (known: ${Object.keys(PARTS).join(', ')})`);

const outcomes: string[] = [];
let failed = 0;
for (const name of wanted) {
  const part = PARTS[name];
  if (!part) continue;
  const script = join(ROOT, 'bench', part.script);
  if (!existsSync(script)) {
    outcomes.push(`${name}: not present in this checkout (${part.script})`);
    continue;
  }
  process.stderr.write(`\n=== ${name}: ${part.what} (load ${loadAverage()}) ===\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...(part.args ?? [])], { cwd: ROOT, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (run.status === 0) outcomes.push(`${name}: done in ${seconds} s`);
  else {
    failed += 1;
    outcomes.push(`${name}: FAILED (exit ${run.status ?? run.signal}) after ${seconds} s`);
  }
}
process.stderr.write(`\nBenchmarks finished; figures in ${RESULTS_PATH}\n${outcomes.map((line) => `  ${line}`).join('\n')}\n`);
process.exitCode = failed === 0 ? 0 : 1;
