import type { MatrixAnalysis } from '../../src/analysis/ach';
import type { AchItemRecord } from '../../src/domain/ach';

/** The items as the grid and the heat map show them: as entered, or the most diagnostic first (ties keep their order). */
export function itemsInOrder(
  items: readonly AchItemRecord[],
  analysis: MatrixAnalysis,
  byDiagnosticity: boolean,
): readonly AchItemRecord[] {
  if (!byDiagnosticity) return items;
  return [...items].sort((a, b) => (analysis.diagnosticity.get(b.id) ?? 0) - (analysis.diagnosticity.get(a.id) ?? 0));
}
