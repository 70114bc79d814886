import { randomInt } from 'node:crypto';

/** The variable that replays a run of the randomised tests (kill rounds, fuzzing). */
export const SEED_VARIABLE = 'WARRANT_SEED';

/** A fresh seed for each run, or the one WARRANT_SEED names to replay a failure. */
export function runSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env[SEED_VARIABLE];
  if (given === undefined || given === '') return randomInt(1, 2 ** 31);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed) || seed <= 0 || seed >= 2 ** 32)
    throw new Error(`${SEED_VARIABLE} must be a whole number from 1 to 4294967295, not “${given}”.`);
  return seed;
}

/** A repeatable stream of numbers in [0, 1) for a seed (xorshift32: small and fast, not for secrets). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
