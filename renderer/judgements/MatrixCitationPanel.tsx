import { useState } from 'react';
import './judgement-analysis.css';
import { describeStanding, formatScore } from '../../src/analysis/matrix-standing';
import type { Judgement } from '../../src/domain/judgement';
import { errorMessage } from '../app/error-message';
import { navigate } from '../app/router';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';
import { useMatrixStanding } from './useMatrixStandings';

/** Picks a matrix and the hypothesis the judgement supports, and cites it. */
function CiteForm({ onCite, onCancel }: { onCite: (matrixId: string, hypothesisId: string) => void; onCancel: (() => void) | null }) {
  const matrices = useContractQuery('ach.list', { briefingId: null }).data?.items ?? [];
  const [matrixId, setMatrixId] = useState('');
  const [hypothesisId, setHypothesisId] = useState('');
  const hypotheses = useContractQuery('ach.get', { id: matrixId }, { enabled: matrixId !== '' }).data?.hypotheses ?? [];
  if (matrices.length === 0) return <p className="muted">No ACH matrix yet: start one under Analysis to cite it here.</p>;
  return (
    <form
      className="matrix-cite-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (matrixId !== '' && hypothesisId !== '') onCite(matrixId, hypothesisId);
      }}
    >
      <label>
        Matrix{' '}
        <select
          value={matrixId}
          onChange={(event) => {
            setMatrixId(event.target.value);
            setHypothesisId('');
          }}
        >
          <option value="">Choose a matrix</option>
          {matrices.map((matrix) => (
            <option key={matrix.id} value={matrix.id}>
              {matrix.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Hypothesis it supports{' '}
        <select value={hypothesisId} disabled={matrixId === ''} onChange={(event) => setHypothesisId(event.target.value)}>
          <option value="">Choose a hypothesis</option>
          {hypotheses.map((hypothesis) => (
            <option key={hypothesis.id} value={hypothesis.id}>
              {hypothesis.text}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={matrixId === '' || hypothesisId === ''}>
        Cite matrix
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}

/**
 * The ACH matrix a key judgement cites: the matrix's leader and margin (weighted inconsistency),
 * where it ranks the judgement's hypothesis, and the way to open, change or drop the citation.
 */
export function MatrixCitationPanel({ record, onSaved }: { record: Judgement; onSaved: (judgement: Judgement) => void }) {
  const command = useCommand();
  const [changing, setChanging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const citation = record.matrixCitation;
  const standing = useMatrixStanding(citation);
  const cite = (target: { matrixId: string; hypothesisId: string } | null): void => {
    command('judgements.citeMatrix', { judgementId: record.id, citation: target, baseVersion: citation?.version ?? 0 }).then(
      ({ judgement }) => {
        onSaved(judgement);
        setChanging(false);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };
  return (
    <section className="matrix-citation" aria-label="Cited ACH matrix">
      <h3>ACH matrix</h3>
      {citation && !changing ? (
        <>
          <p>
            Cites “{standing?.matrixTitle ?? citation.matrixTitle}”, supporting “{standing?.hypothesisText ?? citation.hypothesisText}”.
          </p>
          {standing ? (
            <p className={standing.rankedAbove ? 'matrix-standing matrix-standing-below' : 'matrix-standing'} aria-label="Matrix standing">
              {standing.leaderText === null
                ? 'No leader: the top hypotheses tie.'
                : `Leader: “${standing.leaderText}”, margin ${formatScore(standing.margin)} (weighted inconsistency).`}{' '}
              This judgement’s hypothesis: {describeStanding(standing)}.
            </p>
          ) : (
            <p className="muted">Reading the matrix…</p>
          )}
          <button type="button" className="link-button" onClick={() => navigate({ view: 'matrix', matrixId: citation.matrixId })}>
            Open the matrix
          </button>{' '}
          <button type="button" onClick={() => setChanging(true)}>
            Change citation
          </button>{' '}
          <button type="button" onClick={() => cite(null)}>
            Remove citation
          </button>
        </>
      ) : (
        <CiteForm
          onCite={(matrixId, hypothesisId) => cite({ matrixId, hypothesisId })}
          onCancel={citation ? () => setChanging(false) : null}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
