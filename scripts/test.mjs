// `npm test`: every check — builds, type-check, lint, format and the Electronegativity scan side by
// side, then unit + integration beside e2e — then one closing line "N passed, N failed". Later steps
// still run after a failure so one run shows everything that is wrong; the exit code is non-zero
// if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemDeps } from './ensure-system-deps.mjs';
import { NATIVE_TSC, TS_PROJECTS } from './typecheck.mjs';

const RESULTS = 'test-results';
const tally = { passed: 0, failed: 0 };
const SUITE_STARTED = Date.now();
const lines = [];

/**
 * Single-threaded checks run side by side, so both cores work; each one's output is printed
 * whole when it ends, so the log reads as if they had run one after another.
 */
async function checksTogether(steps) {
  const started = Date.now();
  console.log(`\n── together: ${steps.map(([label]) => label).join(' | ')}`);
  const results = await Promise.all(
    steps.map(
      ([label, command, args]) =>
        new Promise((resolve) => {
          const begun = Date.now();
          const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          child.stdout.on('data', (chunk) => (output += chunk));
          child.stderr.on('data', (chunk) => (output += chunk));
          const done = (ok) => {
            const seconds = ((Date.now() - begun) / 1000).toFixed(1);
            console.log(`\n── ${label}: ${[command, ...args].join(' ')} (${seconds} s)\n${output.trimEnd()}`);
            resolve({ label, ok, seconds });
          };
          child.on('error', (error) => {
            output += String(error);
            done(false);
          });
          child.on('close', (code) => done(code === 0));
        }),
    ),
  );
  for (const { label, ok, seconds } of results) {
    tally[ok ? 'passed' : 'failed'] += 1;
    lines.push(`${label}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  }
  console.log(`\n── together: ${((Date.now() - started) / 1000).toFixed(1)} s wall`);
}

/** Runs a command with its output kept, and prints it whole when it ends (steps run side by side). */
function runBuffered(label, command, args, env = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const done = (ok) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n── ${label}: ${[command, ...args].join(' ')} (${seconds} s)\n${output.trimEnd()}`);
      resolve({ ok, seconds });
    };
    child.on('error', (error) => {
      output += String(error);
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}

/** A step whose report counts individual tests; a runner that dies without a report counts as one failure. */
async function suite(label, command, args, reportPath, count, env) {
  rmSync(reportPath, { force: true });
  const { ok, seconds } = await runBuffered(label, command, args, env);
  if (!existsSync(reportPath)) {
    tally.failed += 1;
    lines.push(`${label}: FAILED before reporting (${seconds} s)`);
    return;
  }
  const { passed, failed, skipped, flaky = [] } = count(JSON.parse(readFileSync(reportPath, 'utf8')));
  const runnerFailed = !ok && failed === 0 ? 1 : 0;
  tally.passed += passed;
  tally.failed += failed + runnerFailed;
  lines.push(`${label}: ${passed} passed, ${failed + runnerFailed} failed${skipped ? `, ${skipped} skipped` : ''} (${seconds} s)`);
  for (const title of flaky) lines.push(`  FLAKY (failed, then passed on its retry): ${title}`);
}

/** "file › title" of every test Playwright's JSON report marks flaky (failed, then passed on a retry). */
function flakyTitles(report) {
  const titles = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) if (test.status === 'flaky') titles.push(`${spec.file} › ${spec.title}`);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return titles;
}

mkdirSync(RESULTS, { recursive: true });
ensureSystemDeps();

// The three builds side by side (separate outputs), and beside them the checks that read only the
// sources (type-check, lint, format), so the cores have work while the builds wait on esbuild and
// Vite. Everything else waits for the builds: the CLI tests run the bundle (not TypeScript through
// tsx, ~3 s a start), the desktop build test inspects dist/desktop instead of building it again,
// the scan reads dist/, and the e2e tests serve dist/renderer.
const builds = checksTogether([
  ['build desktop host', process.execPath, ['scripts/build-desktop.mjs']],
  ['build renderer', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
  ['build CLI and browser host', process.execPath, ['scripts/build-cli.mjs']],
]);
// Two lanes side by side. The browser tests mostly wait (on pages, timers and the host), using
// under half of the two cores; the checks and vitest are CPU work that fills the rest. Each
// lane's output is printed whole when a step ends, so the log still reads step by step.
await Promise.all([
  (async () => {
    await Promise.all([
      checksTogether([
        // One build of the project references (src/ is checked once, the others read its
        // declarations) by TypeScript 7's native compiler: scripts/typecheck.mjs says why.
        [
          'type-check src/, renderer/, db/ main/ tests/ bench/, main/electron/, tests/dom/, bench/pages/ (tsc -b, TypeScript 7)',
          process.execPath,
          [NATIVE_TSC, '-b', ...TS_PROJECTS],
        ],
        ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
        ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
      ]),
      // Mostly waiting (its release lookup times out offline), so it costs the others little.
      builds.then(() =>
        checksTogether([['electronegativity (desktop security scan)', process.execPath, ['scripts/electronegativity-gate.mjs']]]),
      ),
    ]);
    await suite(
      'unit + integration + DOM',
      'npx',
      ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/vitest.json`],
      `${RESULTS}/vitest.json`,
      (report) => ({
        passed: report.numPassedTests,
        failed: report.numFailedTests,
        skipped: report.numPendingTests + report.numTodoTests,
      }),
    );
  })(),
  (async () => {
    await builds;
    await suite('e2e', 'npx', ['playwright', 'test'], `${RESULTS}/e2e.json`, (report) => ({
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected,
      skipped: report.stats.skipped,
      flaky: flakyTitles(report),
    }));
  })(),
]);

console.log(`\n── Summary (${((Date.now() - SUITE_STARTED) / 1000).toFixed(1)} s)\n${lines.join('\n')}`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
