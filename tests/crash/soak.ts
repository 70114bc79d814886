/**
 * `npm run soak`: the crash harness for many rounds (default 1,000; SOAK_ROUNDS to change),
 * printing progress and a final tally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCrashRounds } from './harness';

const rounds = Number(process.env.SOAK_ROUNDS ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'warrant-soak-'));
let failed = 0;
let acknowledged = 0;
const started = Date.now();
try {
  await runCrashRounds({
    dir,
    rounds,
    buildDir: resolve(import.meta.dirname, '..', '..', '.tmp', 'soak-writer'),
    onRound: (result) => {
      acknowledged += result.acknowledged;
      if (result.problems.length > 0) {
        failed += 1;
        process.stderr.write(`round ${result.round}: ${result.problems.join('; ')}\n`);
      }
      if ((result.round + 1) % 100 === 0) process.stderr.write(`${result.round + 1} rounds, ${failed} failed\n`);
    },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`Soak: ${rounds} SIGKILL rounds in ${Math.round((Date.now() - started) / 1000)} s, ${acknowledged.toLocaleString('en')} acknowledged writes checked\n`);
process.stdout.write(`${rounds - failed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
