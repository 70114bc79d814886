import type { AchMatrixRecord } from '../domain/ach';
import { analyseMatrix } from './ach';

/**
 * Where the hypothesis a key judgement supports stands in the matrix it cites: what the judgement's
 * evidence panel shows, what the tradecraft check and the confidence factors read, and what the
 * export prints under the judgement. Scores are ACH's weighted inconsistency (lower is stronger).
 */
export interface MatrixStanding {
  matrixId: string;
  matrixTitle: string;
  hypothesisId: string;
  hypothesisText: string;
  /** The supported hypothesis's weighted inconsistency. */
  score: number;
  /** The leading hypothesis, or null when the top two tie (or the matrix has no hypotheses). */
  leaderId: string | null;
  leaderText: string | null;
  /** The least inconsistent hypothesis's score (the leader's, or the tied top's). */
  bestScore: number;
  /** The leader's margin over the runner-up; Infinity with one hypothesis. */
  margin: number;
  /** A hypothesis scoring strictly less inconsistent than the supported one, if any: the best of them. */
  rankedAbove: { hypothesisId: string; text: string; score: number } | null;
}

/** The standing of `hypothesisId` in `matrix`; null when the matrix no longer holds that hypothesis. */
export function matrixStanding(matrix: AchMatrixRecord, hypothesisId: string): MatrixStanding | null {
  const hypothesis = matrix.hypotheses.find((candidate) => candidate.id === hypothesisId);
  if (!hypothesis) return null;
  const analysis = analyseMatrix(matrix, matrix.derivations);
  const textOf = (id: string): string => matrix.hypotheses.find((candidate) => candidate.id === id)?.text ?? '';
  const score = analysis.scores.find((entry) => entry.hypothesisId === hypothesisId)?.weightedInconsistency ?? 0;
  const best = analysis.scores[0];
  const above = best && best.weightedInconsistency < score ? best : null;
  return {
    matrixId: matrix.id,
    matrixTitle: matrix.title,
    hypothesisId,
    hypothesisText: hypothesis.text,
    score,
    leaderId: analysis.leader.hypothesisId,
    leaderText: analysis.leader.hypothesisId === null ? null : textOf(analysis.leader.hypothesisId),
    bestScore: best?.weightedInconsistency ?? 0,
    margin: analysis.leader.margin,
    rankedAbove: above ? { hypothesisId: above.hypothesisId, text: textOf(above.hypothesisId), score: above.weightedInconsistency } : null,
  };
}

/** Scores as the grid prints them: whole numbers bare, halves and quarters to two places at most. */
export function formatScore(score: number): string {
  return Number.isFinite(score) ? String(Math.round(score * 100) / 100) : '∞';
}

/**
 * One line on the standing: "Leads by 2.5", "Tied for the lead", "Ranked below “…” (3 against 1)".
 * The judgement's evidence panel and the export both say it this way.
 */
export function describeStanding(standing: MatrixStanding): string {
  if (standing.rankedAbove)
    return `ranked below “${standing.rankedAbove.text}” (weighted inconsistency ${formatScore(standing.score)} against ${formatScore(standing.rankedAbove.score)})`;
  if (standing.leaderId === standing.hypothesisId)
    return Number.isFinite(standing.margin) ? `leads by ${formatScore(standing.margin)}` : 'the only hypothesis';
  return 'tied for the lead';
}
