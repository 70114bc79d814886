import { describe, expect, it } from 'vitest';
import { likelihoodFromWording } from '../../src/tradecraft';

describe('likelihoodFromWording', () => {
  it.each([
    ['NATO will very likely keep up pressure.', 'icd203', 'very-likely'],
    ['Japan will likely deepen its partnership.', 'icd203', 'likely'],
    ['Seoul is unlikely to join an exercise.', 'icd203', 'unlikely'],
    ['It is highly likely that talks resume.', 'phia', 'highly-likely'],
    ['Likely, and probably soon.', 'icd203', 'likely'],
  ] as const)('%s (%s) → %s', (statement, yardstick, key) => {
    expect(likelihoodFromWording(statement, yardstick)).toBe(key);
  });

  it.each([
    ['No probability words at all.', 'icd203'],
    ['It is not likely to happen.', 'icd203'],
    ['Likely in Tokyo, unlikely in Seoul.', 'icd203'],
    ['A realistic possibility of talks.', 'icd203'],
  ] as const)('leaves “%s” (%s) for the analyst to choose', (statement, yardstick) => {
    expect(likelihoodFromWording(statement, yardstick)).toBeNull();
  });
});
