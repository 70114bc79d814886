import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest picks cores − 1, which is one worker on the 2-core machines this runs on; most of
    // the suite waits on child processes and disk, so two files side by side fill both cores.
    // Test files share nothing: temporary folders, port 0, per-process build folders.
    maxWorkers: Number(process.env.WARRANT_TEST_WORKERS ?? 2),
    testTimeout: 20_000,
    // The built desktop bundle is imported as Node loads it, untransformed, so that a resolve hook
    // can hand its `electron` import a stand-in (tests/integration/desktop-wiring.test.ts).
    server: { deps: { external: [/\/dist\/desktop\//] } },
  },
});
