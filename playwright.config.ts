import { defineConfig, type Project } from '@playwright/test';
import { CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from './tests/e2e/support/chromium';
import { electronBinary } from './tests/e2e/support/desktop';

const projects: Project[] = [
  {
    name: 'browser-host',
    grepInvert: /@desktop/,
    use: { browserName: 'chromium', launchOptions: { executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS } },
  },
];
// The same suite, plus the Electron-only tests, against the desktop app where its binary exists.
if (electronBinary().path) projects.push({ name: 'desktop', grepInvert: /@web/ });

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  // Two cores here: one browser per core.
  workers: 2,
  // Tests, not files, are shared out: the longest spec files would otherwise set the wall time alone.
  fullyParallel: true,
  // On CI one retry, so a rare timing flake on a loaded machine does not hold back a landing; the
  // summary of `npm test` names every test that passed only on its retry (scripts/test.mjs), so
  // a flake is seen and fixed, not hidden. Locally a failure fails at once.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  forbidOnly: true,
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    // A failed test keeps its trace with DOM snapshots of every step (and a screenshot of the end);
    // the trace's screencast is left out: encoding its frames cost about 14% of the suite's CPU.
    // On CI the trace is recorded on the retry only: recording every first run cost 45 of the
    // e2e suite's 373 CPU-s (12%), and a test that fails twice still leaves its retry's trace.
    trace: { mode: process.env.CI ? 'on-first-retry' : 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    // One browser context and page per worker, reset between tests (tests/e2e/context-reuse.spec.ts
    // proves nothing leaks): a new context and renderer cost about 0.6 s of CPU a test.
    // WARRANT_E2E_FRESH_CONTEXT=1 gives each test a context of its own again.
    reuseContext: process.env.WARRANT_E2E_FRESH_CONTEXT !== '1',
  },
  // Reference screenshots (tests/e2e/desk-screens.spec.ts) live with the other fixtures and change
  // only on purpose: UPDATE_SCREENS=1 rewrites them; otherwise a missing one fails the test.
  snapshotPathTemplate: '{testDir}/../fixtures/screens/{arg}{ext}',
  updateSnapshots: process.env.UPDATE_SCREENS === '1' ? 'all' : 'none',
  projects,
});
