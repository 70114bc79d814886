import { describe, expect, it } from 'vitest';
import { ACH_RATINGS, ACH_WEIGHTS, sensitivity, type AchMatrix, type AchRating } from '../../src/analysis/ach';
import { sensitivityByDefinition } from '../../src/analysis/ach-reference';

/** A fresh seed per run, printed on failure, so every run tries new matrices and a failure can be replayed. */
const SEED = Number(process.env.ACH_SEED ?? Math.floor(Math.random() * 2 ** 31));

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)] as T;
}

/** Small matrices with few distinct weights and many N cells, so ties at the top are common. */
function randomMatrix(next: () => number): AchMatrix {
  const hypotheses = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, h) => ({ id: `h${h}` }));
  const items = Array.from({ length: Math.floor(next() * 10) }, (_, i) => ({
    id: `e${i}`,
    sourceIds: [],
    relevance: pick(next, ACH_WEIGHTS),
    credibility: pick(next, ACH_WEIGHTS),
  }));
  const ratings: Record<string, Record<string, AchRating>> = {};
  for (const item of items)
    for (const hypothesis of hypotheses) if (next() < 0.6) (ratings[item.id] ??= {})[hypothesis.id] = pick(next, ACH_RATINGS);
  return { hypotheses, items, ratings };
}

describe('incremental sensitivity', () => {
  it(`agrees with rescoring the whole matrix for every item, on 500 random matrices (seed ${SEED})`, () => {
    const next = random(SEED);
    for (let round = 0; round < 500; round += 1) {
      const matrix = randomMatrix(next);
      const fast = sensitivity(matrix, []);
      const reference = sensitivityByDefinition(matrix);
      expect({ round, removal: fast.removalChangesLeader, low: fast.lowCredibilityChangesLeader }).toEqual({
        round,
        removal: reference.removal,
        low: reference.lowCredibility,
      });
    }
  });
});
