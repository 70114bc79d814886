import { useMemo } from 'react';
import './judgement-analysis.css';
import { levelsAbove, suggestConfidence, type AssumptionStatus } from '../../src/analysis/confidence';
import type { Confidence, Judgement } from '../../src/domain/judgement';
import { useContractQuery } from '../data/useContractQuery';
import { useMatrixStanding } from './useMatrixStandings';

const NO_DERIVATIONS: [string, string][] = [];

/** The assumptions a judgement rests on, from the Key Assumptions register (undefined while loading). */
function useAssumptionsOf(judgementId: string): readonly { status: AssumptionStatus }[] | undefined {
  return useContractQuery('assumptions.forJudgement', { judgementId }).data?.items;
}

function sign(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '±0';
}

/**
 * Beside a judgement's confidence: the level its grounds suggest, with one line of reasons and the
 * factors behind it (src/analysis/confidence.ts says the rule). Advisory: it never sets the field.
 */
export function ConfidenceAdvice({
  judgement,
  rationale,
  confidence,
}: {
  judgement: Pick<Judgement, 'id' | 'briefingId' | 'evidence' | 'matrixCitation'>;
  /** The form's current rationale and confidence, so the advice follows typing before a save. */
  rationale: string;
  confidence: Confidence | null;
}) {
  const derivations = useContractQuery('judgements.list', { briefingId: judgement.briefingId }).data?.derivations ?? NO_DERIVATIONS;
  const matrix = useMatrixStanding(judgement.matrixCitation);
  const assumptions = useAssumptionsOf(judgement.id);
  const suggestion = useMemo(
    () => suggestConfidence({ evidence: judgement.evidence, derivations, rationale, matrix, ...(assumptions ? { assumptions } : {}) }),
    [judgement.evidence, derivations, rationale, matrix, assumptions],
  );
  const over = confidence !== null && levelsAbove(confidence, suggestion.level) >= 2;
  return (
    <details className={over ? 'confidence-advice confidence-advice-over' : 'confidence-advice'}>
      {/* No label with the word "confidence" here: the block's Confidence field is found by that name. */}
      <summary>
        Suggested: {suggestion.level} — {suggestion.reason}
        {over && <span className="confidence-advice-warning"> (stated two levels higher)</span>}
      </summary>
      <ul aria-label="Factors behind the suggestion">
        {suggestion.factors.map((factor) => (
          <li key={factor.kind}>
            <span className="confidence-points">{sign(factor.points)}</span> {factor.reason}
          </li>
        ))}
      </ul>
      <p className="muted">Advisory only: three points or more suggest high, one or two moderate, none low.</p>
    </details>
  );
}
