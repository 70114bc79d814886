import { levelsAbove, suggestConfidence, type AssumptionStatus } from '../analysis/confidence';
import { formatScore, type MatrixStanding } from '../analysis/matrix-standing';
import type { Judgement } from '../domain/judgement';
import type { Derivation } from './evidence';
import { quoted, type TradecraftProblem } from './problem';

/**
 * What the analysis checks know of each judgement beyond its own record, keyed by judgement id:
 * where its cited matrix ranks its hypothesis, and the statuses of the assumptions it rests on.
 */
export interface AnalysisContext {
  matrices?: ReadonlyMap<string, MatrixStanding>;
  assumptions?: ReadonlyMap<string, readonly { status: AssumptionStatus }[]>;
}

type AnalysedJudgement = Pick<Judgement, 'id' | 'confidence' | 'rationale' | 'evidence'>;

/** The judgement supports a hypothesis its own cited matrix ranks below another (ACH disagrees with it). */
export function checkMatrixCitation(judgementId: string, standing: MatrixStanding | undefined): TradecraftProblem[] {
  if (!standing?.rankedAbove) return [];
  return [
    {
      code: 'matrix-disagrees',
      severity: 'warning',
      message: `The matrix ${quoted(standing.matrixTitle)} ranks the hypothesis this judgement supports, ${quoted(standing.hypothesisText)}, below ${quoted(standing.rankedAbove.text)}: weighted inconsistency ${formatScore(standing.score)} against ${formatScore(standing.rankedAbove.score)}. Revisit the judgement or the matrix.`,
      location: { kind: 'judgement', judgementId, field: 'evidence' },
    },
  ];
}

/**
 * The stated confidence is two levels above what the evidence, assumptions and matrix suggest
 * (silent on a judgement with no supporting evidence, which has its own error).
 */
export function checkConfidence(
  judgement: AnalysedJudgement,
  derivations: readonly Derivation[],
  context: AnalysisContext,
): TradecraftProblem[] {
  if (judgement.confidence === null) return [];
  // With nothing live in support, the no-support error already says it: one problem, not two.
  if (!judgement.evidence.some((link) => link.stance === 'supports' && link.item.state === 'live')) return [];
  const assumptions = context.assumptions?.get(judgement.id);
  const suggestion = suggestConfidence({
    evidence: judgement.evidence,
    derivations,
    rationale: judgement.rationale,
    matrix: context.matrices?.get(judgement.id) ?? null,
    ...(assumptions ? { assumptions } : {}),
  });
  if (levelsAbove(judgement.confidence, suggestion.level) < 2) return [];
  return [
    {
      code: 'confidence-above-evidence',
      severity: 'warning',
      message: `Stated ${judgement.confidence} confidence is two levels above what its grounds suggest (${suggestion.level}: ${suggestion.reason}).`,
      location: { kind: 'judgement', judgementId: judgement.id, field: 'evidence' },
    },
  ];
}
