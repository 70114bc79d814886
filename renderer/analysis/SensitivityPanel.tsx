import type { MatrixAnalysis } from '../../src/analysis/ach';
import type { AchMatrixRecord } from '../../src/domain/ach';
import { scoreText } from './rating-labels';

/** Which hypothesis leads, by how much, and which items the conclusion hangs on. */
export function SensitivityPanel({ matrix, analysis }: { matrix: AchMatrixRecord; analysis: MatrixAnalysis }) {
  const number = new Map(matrix.hypotheses.map((hypothesis, index) => [hypothesis.id, index + 1]));
  const textOf = new Map(matrix.items.map((item) => [item.id, item.text]));
  const leaderId = analysis.leader.hypothesisId;
  const leaderText = matrix.hypotheses.find((hypothesis) => hypothesis.id === leaderId)?.text;
  const runnerUp = analysis.scores[1];
  const { removalChangesLeader, lowCredibilityChangesLeader, hangsOnOneItem, hangsOnOneSource } = analysis.sensitivity;
  const hangsOn = [...new Set([...removalChangesLeader, ...lowCredibilityChangesLeader])];
  return (
    <section className="ach-sensitivity" aria-labelledby="ach-sensitivity-heading">
      <h2 id="ach-sensitivity-heading">Where the matrix stands</h2>
      <p role="status" className="ach-leader-line">
        {matrix.hypotheses.length < 2
          ? 'A matrix needs two or more hypotheses to rank.'
          : leaderId && leaderText
            ? `H${number.get(leaderId)} leads: “${leaderText}”, ${
                runnerUp ? `by ${scoreText(analysis.leader.margin)} over H${number.get(runnerUp.hypothesisId)}` : 'unopposed'
              }.`
            : 'No hypothesis leads: the least inconsistent are tied.'}
      </p>
      {leaderId && hangsOn.length === 0 && matrix.items.length > 0 && <p>No single item changes which hypothesis leads.</p>}
      {hangsOn.length > 0 && (
        <>
          <p className={hangsOnOneItem ? 'ach-warning' : undefined}>
            <strong>Warning:</strong> the conclusion hangs on {hangsOn.length === 1 ? 'one item' : `${hangsOn.length} items`}; removing it,
            or lowering its credibility, changes which hypothesis leads.
          </p>
          <ul aria-label="Items the conclusion hangs on">
            {hangsOn.map((id) => (
              <li key={id}>
                {textOf.get(id)}
                {removalChangesLeader.includes(id) ? ' (removing it)' : ''}
                {lowCredibilityChangesLeader.includes(id) ? ' (low credibility)' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {hangsOnOneSource && (
        <p className="ach-warning">
          <strong>Warning:</strong> every item that separates the leader from the runner-up rests on one strand of reporting (one source, or
          sources derived from it).
        </p>
      )}
    </section>
  );
}
