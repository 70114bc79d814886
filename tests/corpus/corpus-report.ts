/**
 * Imports every real reference library in `../shared/corpus/interchange/` into a fresh workspace,
 * checks the count against an independent count of the file's entries, exports the library as
 * BibTeX and CSL-JSON, imports each export into another fresh workspace and compares the sources
 * field by field (structured author names included). Prints one table; exits 1 when an entry is lost to a defect or a round trip
 * changes a field, so CI can decide whether it gates.
 *
 * Then the snapshot files in `../shared/corpus/snapshots/` (snapshot-report.ts): per file what was
 * extracted, how long it took and whether it meets its written expectation.
 *
 *   npm run corpus                 # the tables
 *   npm run corpus -- --details    # plus every failure, duplicate and changed field
 *   npm run corpus -- --snapshots  # the snapshot table only
 *   WARRANT_CORPUS=/path/to/corpus npm run corpus
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Workspace } from '../../db/workspace';
import { exportLibrary } from '../../main/interchange/export-library';
import { commitRead, importOpened } from '../../main/interchange/import-service';
import { openLibraryFile, readLibraryFile } from '../../main/interchange/read-file';
import { decider } from '../../src/interchange/plan';
import type { ExportSource } from '../../src/interchange/record';
import type { ExportFormat, ImportReport } from '../../src/interchange/schemas';
import { fastPathDifferences } from './fast-path-check';
import { countEntries, isFaultOfFile } from './independent-count';
import { snapshotReport } from './snapshot-report';

const quiet = { progress() {}, throwIfCancelled() {} };

/** WARRANT_CORPUS, else the first `shared/corpus` found walking up from the repository. */
function corpusDir(): string | null {
  if (process.env.WARRANT_CORPUS) return existsSync(process.env.WARRANT_CORPUS) ? process.env.WARRANT_CORPUS : null;
  for (let dir = resolve(dirname(fileURLToPath(import.meta.url)), '../..'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'corpus');
    if (existsSync(join(candidate, 'interchange')) || existsSync(join(candidate, 'snapshots'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

const FIELDS = [
  'title',
  'kind',
  'url',
  'author',
  'publisher',
  'publishedDate',
  'accessedDate',
  'language',
  'reliability',
  'notes',
] as const;

function sourcesOf(workspace: Workspace): ExportSource[] {
  return [...workspace.interchange.exportSources()];
}

/** Field-by-field differences between two libraries, sources paired in order. */
function differences(before: readonly ExportSource[], after: readonly ExportSource[]): string[] {
  const changes: string[] = [];
  if (before.length !== after.length) changes.push(`${before.length} sources became ${after.length}`);
  for (let i = 0; i < Math.min(before.length, after.length); i += 1) {
    const a = before[i];
    const b = after[i];
    if (!a || !b) continue;
    for (const field of FIELDS) {
      if (a.draft[field] !== b.draft[field])
        changes.push(`${a.draft.title.slice(0, 40)} · ${field}: ${JSON.stringify(a.draft[field])} → ${JSON.stringify(b.draft[field])}`);
    }
    if (a.doi !== b.doi) changes.push(`${a.draft.title.slice(0, 40)} · doi: ${a.doi} → ${b.doi}`);
    if (a.isbn !== b.isbn) changes.push(`${a.draft.title.slice(0, 40)} · isbn: ${a.isbn} → ${b.isbn}`);
    const names = (source: ExportSource): string => JSON.stringify(source.authorNames);
    if (names(a) !== names(b)) changes.push(`${a.draft.title.slice(0, 40)} · author names: ${names(a)} → ${names(b)}`);
    if (a.tags.join('|') !== b.tags.join('|'))
      changes.push(`${a.draft.title.slice(0, 40)} · tags: ${a.tags.join(', ')} → ${b.tags.join(', ')}`);
  }
  return changes;
}

/** How an import is run: as the CLI does it now (each batch written as read), or the old way (the grammar alone, read all, then write). */
type ImportWay = 'streamed' | 'grammar-then-write';

async function importInto(
  dir: string,
  name: string,
  bytes: Uint8Array,
  way: ImportWay = 'streamed',
): Promise<{ workspace: Workspace; report: ImportReport }> {
  const workspace = Workspace.open(join(dir, `${name}-${Math.random().toString(36).slice(2)}.warrant`), { create: true });
  // As the CLI does it: sure duplicates skipped, possible ones (a shared address only) imported.
  if (way === 'streamed') return { workspace, report: await importOpened(workspace, openLibraryFile(bytes, name), 'skip', quiet) };
  const read = await readLibraryFile(bytes, name, quiet, { bibtexPath: 'grammar' });
  return { workspace, report: commitRead(workspace, name, read, decider('skip'), quiet) };
}

/**
 * The same file imported the old way (every entry through citation-js's grammar, the whole file
 * read, then one write) must give the same sources, field by field, and the same report.
 */
async function oldWayDifferences(
  dir: string,
  name: string,
  bytes: Uint8Array,
  streamed: Workspace,
  report: ImportReport,
): Promise<string[]> {
  const old = await importInto(dir, name, bytes, 'grammar-then-write');
  try {
    const changes = differences(sourcesOf(old.workspace), sourcesOf(streamed));
    const { duplicates: _d, ...now } = report;
    const { duplicates: _o, ...before } = old.report;
    if (JSON.stringify(before) !== JSON.stringify(now)) changes.push(`report: ${JSON.stringify(before)} → ${JSON.stringify(now)}`);
    if (
      JSON.stringify(old.report.duplicates.map(({ match, ...rest }) => ({ ...rest, in: match.in }))) !==
      JSON.stringify(report.duplicates.map(({ match, ...rest }) => ({ ...rest, in: match.in })))
    )
      changes.push('the duplicates named differ');
    return changes;
  } finally {
    old.workspace.close();
  }
}

async function roundTrip(dir: string, original: Workspace, format: ExportFormat): Promise<string[]> {
  let text = '';
  await exportLibrary(original, format, (chunk) => (text += chunk), quiet);
  const { workspace, report } = await importInto(dir, format === 'bibtex' ? 'export.bib' : 'export.json', new TextEncoder().encode(text));
  try {
    const changes = differences(sourcesOf(original), sourcesOf(workspace));
    for (const problem of report.failed) changes.push(`re-import failed: ${problem.message}`);
    return changes;
  } finally {
    workspace.close();
  }
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { details: { type: 'boolean', default: false }, snapshots: { type: 'boolean', default: false } },
  });
  const corpus = corpusDir();
  if (!corpus) {
    console.log('corpus: no ../shared/corpus here (set WARRANT_CORPUS to point at one); skipped.');
    return 0;
  }
  if (values.snapshots) return (await snapshotReport(corpus, values.details)) === 0 ? 0 : 1;
  const interchangeClean = (await interchangeReport(corpus, values.details)) === 0;
  const snapshotsClean = (await snapshotReport(corpus, values.details)) === 0;
  return interchangeClean && snapshotsClean ? 0 : 1;
}

async function interchangeReport(corpus: string, details: boolean): Promise<number> {
  if (!existsSync(join(corpus, 'interchange'))) {
    console.log(`corpus: no ${corpus}/interchange here; skipped.`);
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'warrant-corpus-'));
  const files = readdirSync(join(corpus, 'interchange')).sort();
  console.log(
    `Corpus report — ${corpus}/interchange, ${files.length} files, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `${'file'.padEnd(38)} ${'enc'.padEnd(12)} ${pad('in file', 7)} ${pad('imp', 5)} ${pad('merg', 4)} ${pad('skip', 4)} ${pad('fail', 4)} ${pad('file', 4)} ${pad('dfct', 4)} ${pad('lost', 4)} ${pad('Δbib', 5)} ${pad('Δcsl', 5)} ${pad('Δfast', 5)} ${pad('ms', 6)}`,
  );
  const totals = {
    expected: 0,
    imported: 0,
    merged: 0,
    skipped: 0,
    failed: 0,
    faultOfFile: 0,
    defects: 0,
    lost: 0,
    bib: 0,
    csl: 0,
    fast: 0,
  };
  try {
    for (const name of files) {
      const bytes = new Uint8Array(readFileSync(join(corpus, 'interchange', name)));
      const expected = countEntries(name, bytes);
      const started = performance.now();
      const imported = await importInto(dir, name, bytes).catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      );
      const ms = performance.now() - started;
      if (imported instanceof Error) {
        console.log(`${name.padEnd(38)} refused: ${imported.message}`);
        totals.expected += expected;
        totals.lost += expected;
        continue;
      }
      const { workspace, report } = imported;
      try {
        const faultOfFile = report.failed.filter((problem) => isFaultOfFile(problem.message)).length;
        const defects = report.failedCount - faultOfFile;
        const accounted = report.imported + report.merged + report.skipped + faultOfFile;
        // An entry the reader failed on for no fault of the file is as lost as one it never saw.
        const lost = Math.max(0, expected - accounted);
        // An empty library has nothing to carry through a round trip.
        const empty = report.imported === 0;
        const bib = empty ? [] : await roundTrip(dir, workspace, 'bibtex');
        const csl = empty ? [] : await roundTrip(dir, workspace, 'csl-json');
        const fast = [...(await fastPathDifferences(name, bytes)), ...(await oldWayDifferences(dir, name, bytes, workspace, report))];
        console.log(
          `${name.padEnd(38)} ${report.encoding.padEnd(12)} ${pad(expected, 7)} ${pad(report.imported, 5)} ${pad(report.merged, 4)} ${pad(report.skipped, 4)} ${pad(report.failedCount, 4)} ${pad(faultOfFile, 4)} ${pad(defects, 4)} ${pad(lost, 4)} ${pad(bib.length, 5)} ${pad(csl.length, 5)} ${pad(fast.length, 5)} ${pad(Math.round(ms), 6)}`,
        );
        if (details) {
          for (const problem of report.failed)
            console.log(
              `    ${isFaultOfFile(problem.message) ? 'file' : 'DEFECT'} ${problem.key ?? '-'} line ${problem.line}: ${problem.message}`,
            );
          for (const duplicate of report.duplicates)
            console.log(
              `    dup ${duplicate.action} ${duplicate.key ?? '-'} line ${duplicate.line} “${duplicate.title.slice(0, 50)}” ${duplicate.reason} ${duplicate.match.in === 'file' ? `entry ${duplicate.match.ordinal}` : 'library'} “${duplicate.match.title.slice(0, 50)}”`,
            );
          for (const change of bib) console.log(`    Δbib ${change}`);
          for (const change of csl) console.log(`    Δcsl ${change}`);
          for (const change of fast) console.log(`    Δfast ${change}`);
        }
        if (accounted + defects !== expected) console.log(`    counted ${expected} entries, import saw ${report.entries}`);
        totals.expected += expected;
        totals.imported += report.imported;
        totals.merged += report.merged;
        totals.skipped += report.skipped;
        totals.failed += report.failedCount;
        totals.faultOfFile += faultOfFile;
        totals.defects += defects;
        totals.lost += lost;
        totals.bib += bib.length;
        totals.csl += csl.length;
        totals.fast += fast.length;
      } finally {
        workspace.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const t = totals;
  console.log(
    `${'TOTAL'.padEnd(38)} ${''.padEnd(12)} ${pad(t.expected, 7)} ${pad(t.imported, 5)} ${pad(t.merged, 4)} ${pad(t.skipped, 4)} ${pad(t.failed, 4)} ${pad(t.faultOfFile, 4)} ${pad(t.defects, 4)} ${pad(t.lost, 4)} ${pad(t.bib, 5)} ${pad(t.csl, 5)} ${pad(t.fast, 5)}`,
  );
  console.log(
    "columns: imp/merg/skip/fail = the import report; file = failures that are faults of the file; dfct = other failures; lost = entries neither imported, merged, skipped nor failed for a fault of the file; Δbib/Δcsl = fields changed by exporting and re-importing; Δfast = records, sources or report lines that differ from the old way (every entry through citation-js's grammar, the whole file read, then one write).",
  );
  const clean = t.lost === 0 && t.bib === 0 && t.csl === 0 && t.fast === 0;
  console.log(
    clean
      ? 'corpus: 0 entries lost, both round trips lossless, the fast path reads as citation-js does'
      : `corpus: ${t.lost} entries lost, ${t.bib} + ${t.csl} fields changed by the round trips, ${t.fast} fast-path differences`,
  );
  return clean ? 0 : 1;
}

process.exitCode = await main();
