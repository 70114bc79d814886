import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrashRounds } from '../crash/harness';
import { seedForFile } from './helpers/seed';
import { TempDirs } from './helpers/temp-workspace';

/**
 * Kill rounds inside `npm test`, at fresh random moments each run; `npm run soak` runs the same
 * harness for 1,000 rounds.
 */
const ROUNDS = Number(process.env.WARRANT_CRASH_ROUNDS ?? 40);
const seed = seedForFile(import.meta.url);
const temp = new TempDirs();

afterAll(() => temp.cleanup());

describe('crash survival', () => {
  it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs, and the file stays sound`, { timeout: 600_000 }, async () => {
    // Inside the project (.tmp/) so the bundled writer resolves better-sqlite3; the workspace in a temp folder.
    const dir = temp.make();
    const results = await runCrashRounds({
      dir,
      rounds: ROUNDS,
      seed,
      buildDir: join(import.meta.dirname, '..', '..', '.tmp', 'crash-writer'),
    });
    const acknowledged = results.reduce((sum, result) => sum + result.acknowledged, 0);
    expect(results.flatMap((result) => result.problems.map((problem) => `round ${result.round}: ${problem}`))).toEqual([]);
    expect(results).toHaveLength(ROUNDS);
    // The kills landed while writing, not before anything happened.
    expect(acknowledged).toBeGreaterThan(ROUNDS);
  });
});
