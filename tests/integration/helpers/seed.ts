import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach } from 'vitest';
import { runSeed, SEED_VARIABLE } from '../../crash/seed';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A run seed for the test file that calls this at its top level (fresh each run, or
 * WARRANT_SEED's); any test of the file that fails prints it with the command that replays it.
 */
export function seedForFile(fileUrl: string): number {
  const seed = runSeed();
  const file = relative(ROOT, fileURLToPath(fileUrl));
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.error(`Seed ${seed}: replay with ${SEED_VARIABLE}=${seed} npx vitest run ${file}`));
  });
  return seed;
}
