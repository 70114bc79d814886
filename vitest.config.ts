import { defineConfig } from 'vitest/config';

/** Integration files that must run in a process of their own (see the project below). */
const OWN_PROCESS = ['tests/integration/desktop-wiring.test.ts'];

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
          // Real files, hosts and child processes. Files share one module graph per worker, as the
          // unit files do: a fresh process per file cost 0.4–0.6 s of CPU each (the whole vitest run
          // 162 → 111 CPU-s with every test passing). Each file makes its own temporary folders,
          // workspaces and hosts and closes them in its after-hooks, and restores what it changes
          // for the process (umask, fake timers, environment) in the same test.
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...OWN_PROCESS],
          environment: 'node',
          isolate: false,
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          // Files that change the process for good get one of their own: desktop-wiring installs a
          // module resolve hook (which cannot be removed) to hand the built desktop bundle an
          // `electron` stand-in.
          name: 'integration-own-process',
          include: [...OWN_PROCESS],
          environment: 'node',
          testTimeout: 20_000,
          // The built desktop bundle is imported as Node loads it, untransformed, so that the resolve
          // hook can answer its `electron` import (tests/integration/desktop-wiring.test.ts).
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
