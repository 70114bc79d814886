import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest picks cores − 1, which is one worker on the 2-core machines this runs on; most of
    // the suite waits on child processes and disk, so two files side by side fill both cores.
    // Test files share nothing: temporary folders, port 0, per-process build folders.
    maxWorkers: Number(process.env.WARRANT_TEST_WORKERS ?? 2),
    // Two projects in one run, so one JSON report (the one scripts/test.mjs counts) holds both.
    projects: [
      {
        extends: true,
        test: {
          // Pure logic: one module graph per worker instead of one fresh process per file. The
          // imports (zod, the contract, Lexical) cost three times the tests themselves (CPU 24 s
          // isolated, 8 s shared); tests that fake timers restore them in afterEach.
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          // Real files, hosts and child processes: each file in a fresh process, since handlers,
          // locks and resolve hooks (desktop-wiring) are process-wide.
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          // The built desktop bundle is imported as Node loads it, untransformed, so that a resolve hook
          // can hand its `electron` import a stand-in (tests/integration/desktop-wiring.test.ts).
          server: { deps: { external: [/\/dist\/desktop\//] } },
        },
      },
      {
        extends: true,
        test: {
          // Renderer hooks, stores and controllers in a DOM (happy-dom: see tests/README.md for why
          // not jsdom), below the e2e tier: each file should take well under a second.
          name: 'dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          environment: './tests/dom/support/happy-dom-environment.ts',
          setupFiles: ['tests/dom/support/setup.ts'],
          // One module graph per worker instead of one per file: importing React, Lexical and the
          // hosts again for every file doubled the project's CPU time. Tests keep apart by
          // cleaning up the document (setup.ts) and working on records they create.
          isolate: false,
          testTimeout: 10_000,
        },
      },
    ],
  },
});
