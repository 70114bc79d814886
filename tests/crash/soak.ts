/**
 * `npm run soak`: the randomised safety tests at full size, printing progress and a final tally.
 * 1. The crash harness for 1,000 SIGKILL rounds (SOAK_ROUNDS to change).
 * 2. The contract fuzz at 10,000 payloads per group and 20 host kills mid-save (briefing-crash),
 *    through vitest with the sizes `npm test` keeps small.
 * One seed drives all of it: fresh each run, printed first, WARRANT_SEED to replay.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCrashRounds } from './harness';
import { runSeed, SEED_VARIABLE } from './seed';

const ROOT = resolve(import.meta.dirname, '..', '..');
const rounds = Number(process.env.SOAK_ROUNDS ?? 1000);
const fuzzRuns = process.env.WARRANT_FUZZ_RUNS ?? '10000';
const hostKills = process.env.WARRANT_HOST_KILLS ?? '20';
const seed = runSeed();
process.stdout.write(`Soak seed ${seed} (replay with ${SEED_VARIABLE}=${seed} npm run soak)\n`);

const dir = mkdtempSync(join(tmpdir(), 'warrant-soak-'));
let failed = 0;
let acknowledged = 0;
const started = Date.now();
try {
  await runCrashRounds({
    dir,
    rounds,
    seed,
    buildDir: join(ROOT, '.tmp', 'soak-writer'),
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
process.stdout.write(
  `Soak: ${rounds} SIGKILL rounds in ${Math.round((Date.now() - started) / 1000)} s, ${acknowledged.toLocaleString('en')} acknowledged writes checked\n`,
);
let passed = rounds - failed;

// The host-kill test starts the CLI bundle, which serves the built renderer: build both first.
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
const report = join(ROOT, 'test-results', 'soak-vitest.json');
rmSync(report, { force: true });
const vitestStarted = Date.now();
const vitest =
  build.status === 0
    ? spawnSync(
        'npx',
        [
          'vitest',
          'run',
          'tests/integration/contract-fuzz.test.ts',
          'tests/integration/briefing-crash.test.ts',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${report}`,
        ],
        {
          cwd: ROOT,
          stdio: 'inherit',
          env: { ...process.env, WARRANT_FUZZ_RUNS: fuzzRuns, WARRANT_HOST_KILLS: hostKills, [SEED_VARIABLE]: String(seed) },
        },
      )
    : null;
try {
  const counts = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += counts.numPassedTests;
  failed += counts.numFailedTests + (vitest?.status !== 0 && counts.numFailedTests === 0 ? 1 : 0);
} catch {
  // No report: the build or vitest itself failed before testing anything.
  failed += 1;
}
process.stdout.write(
  `Soak: ${Number(fuzzRuns).toLocaleString('en')} fuzz payloads per group and ${hostKills} host kills in ${Math.round((Date.now() - vitestStarted) / 1000)} s\n`,
);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
