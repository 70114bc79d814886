import type { Workspace } from '../../db/workspace';
import { matrixStanding, type MatrixStanding } from '../../src/analysis/matrix-standing';
import type { AchMatrixRecord } from '../../src/domain/ach';
import type { Judgement } from '../../src/domain/judgement';

/**
 * Where each judgement's cited matrix ranks the hypothesis it supports, by judgement id, for the
 * checks and the export. A matrix cited by several judgements is read once.
 */
export function matrixStandingsOf(
  ws: Workspace,
  judgements: readonly Pick<Judgement, 'id' | 'matrixCitation'>[],
): Map<string, MatrixStanding> {
  const matrices = new Map<string, AchMatrixRecord>();
  const standings = new Map<string, MatrixStanding>();
  for (const judgement of judgements) {
    const citation = judgement.matrixCitation;
    if (!citation) continue;
    let matrix = matrices.get(citation.matrixId);
    if (!matrix) {
      matrix = ws.ach.get(citation.matrixId);
      matrices.set(citation.matrixId, matrix);
    }
    const standing = matrixStanding(matrix, citation.hypothesisId);
    if (standing) standings.set(judgement.id, standing);
  }
  return standings;
}
