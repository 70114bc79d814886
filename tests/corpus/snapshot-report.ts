/**
 * The snapshot half of `npm run corpus`: extracts every real file in `<corpus>/snapshots/` as a
 * capture would, and checks it against its stated expectation (snapshot-expectations.ts).
 * Prints one line per file — characters, pages, notice, time, check — and returns how many
 * files missed their expectation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WarrantError } from '../../src/contract/errors';
import { extractSnapshot } from '../../main/snapshot/extract';
import type { JobControl } from '../../src/contract/job-manager';
import { SNAPSHOT_EXPECTATIONS, type SnapshotExpectation } from './snapshot-expectations';

type Outcome = { refused: string } | { text: string; pages: number | null; notice: string | null };

function check(expected: SnapshotExpectation | undefined, outcome: Outcome): string[] {
  if (!expected) return ['no expectation written for this file'];
  const misses: string[] = [];
  if ('refused' in outcome) {
    if (!expected.refused?.test(outcome.refused)) misses.push(`refused: ${outcome.refused}`);
    return misses;
  }
  if (expected.refused) misses.push(`accepted, expected a refusal matching ${expected.refused}`);
  for (const words of expected.finds ?? []) if (!outcome.text.includes(words.normalize('NFC'))) misses.push(`“${words}” not found`);
  if ((expected.notice ?? null) !== outcome.notice)
    misses.push(`notice ${outcome.notice ?? 'none'}, expected ${expected.notice ?? 'none'}`);
  return misses;
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);

/** A job nobody watches or cancels. */
const UNWATCHED: JobControl = { progress: () => undefined, cancelled: false, throwIfCancelled: () => undefined };

export async function snapshotReport(corpus: string, details: boolean): Promise<number> {
  const dir = join(corpus, 'snapshots');
  if (!existsSync(dir)) {
    console.log(`snapshots: no ${dir} here; skipped.`);
    return 0;
  }
  const files = readdirSync(dir).sort();
  console.log(`\nSnapshot report — ${dir}, ${files.length} files`);
  console.log(`${'file'.padEnd(30)} ${pad('chars', 7)} ${pad('pages', 5)} ${'notice'.padEnd(14)} ${pad('ms', 6)}  check`);
  let failed = 0;
  for (const name of files) {
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    const started = performance.now();
    let outcome: Outcome;
    try {
      // As the app attaches a file: an image's text, and a PDF's pages with no text layer, read with OCR.
      const snapshot = await extractSnapshot(bytes, name, { reading: { language: 'eng', control: UNWATCHED } });
      outcome = { text: snapshot.text, pages: snapshot.pageOffsets?.length ?? null, notice: snapshot.textNotice };
    } catch (error) {
      if (!(error instanceof WarrantError)) throw error;
      outcome = { refused: error.message };
    }
    const ms = Math.round(performance.now() - started);
    const expected = SNAPSHOT_EXPECTATIONS[name];
    const misses = check(expected, outcome);
    if (misses.length > 0) failed += 1;
    const verdict = misses.length === 0 ? `ok (${expected?.why ?? ''})` : `FAIL ${misses.join('; ')}`;
    const row =
      'refused' in outcome
        ? `${name.padEnd(30)} ${'refused'.padStart(7)} ${pad('-', 5)} ${'-'.padEnd(14)} ${pad(ms, 6)}  ${verdict}`
        : `${name.padEnd(30)} ${pad(outcome.text.length, 7)} ${pad(outcome.pages ?? '-', 5)} ${(outcome.notice ?? '-').padEnd(14)} ${pad(ms, 6)}  ${verdict}`;
    console.log(row);
    if (details && 'text' in outcome) console.log(`    ${JSON.stringify(outcome.text.slice(0, 160))}`);
  }
  console.log(
    failed === 0
      ? `snapshots: all ${files.length} files meet their expectation`
      : `snapshots: ${failed} of ${files.length} files miss their expectation`,
  );
  return failed;
}
