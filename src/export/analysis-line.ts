import { describeStanding, type MatrixStanding } from '../analysis/matrix-standing';
import type { ExportModel } from './model';

/**
 * The line an export prints under a judgement that cites an ACH matrix: "ACH matrix “Why…”,
 * leads by 2 (supports “Pressure on Pyongyang”)", or where the matrix ranks its hypothesis instead.
 */
export function analysisLine(standing: MatrixStanding): string {
  const where = describeStanding(standing);
  return `ACH matrix “${standing.matrixTitle}”, ${where} (supports “${standing.hypothesisText}”)`;
}

/** Each citing judgement's line, by judgement id. */
export function analysisLines(standings: ReadonlyMap<string, MatrixStanding>): Record<string, string> {
  return Object.fromEntries([...standings].map(([judgementId, standing]) => [judgementId, analysisLine(standing)]));
}

/** The judgement's analysis line, or null when it cites no matrix. */
export function analysisLineOf(model: Pick<ExportModel, 'analysisLines'>, judgementId: string): string | null {
  return model.analysisLines?.[judgementId] ?? null;
}
