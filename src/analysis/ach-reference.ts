import { leader, type AchMatrix, type AchWeight } from './ach';

/**
 * Sensitivity by its definition: for each item, score the whole matrix again without it (and
 * with its credibility low) and see whether the leader changes. Quadratic, so the grid uses the
 * incremental `sensitivity`; this one is the yardstick a property test and the benchmark hold
 * the fast one to.
 */
export function sensitivityByDefinition(matrix: AchMatrix): { removal: string[]; lowCredibility: string[] } {
  const base = leader(matrix).hypothesisId;
  const removal: string[] = [];
  const lowCredibility: string[] = [];
  for (const item of matrix.items) {
    if (leader({ ...matrix, items: matrix.items.filter((other) => other.id !== item.id) }).hypothesisId !== base) removal.push(item.id);
    if (item.credibility === 'low') continue;
    const low: AchWeight = 'low';
    const lowered = matrix.items.map((other) => (other.id === item.id ? { ...other, credibility: low } : other));
    if (leader({ ...matrix, items: lowered }).hypothesisId !== base) lowCredibility.push(item.id);
  }
  return { removal, lowCredibility };
}
