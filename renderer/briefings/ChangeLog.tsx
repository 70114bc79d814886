import type { Yardstick } from '../../src/domain/briefing';
import { CONFIDENCE_LABELS, likelihoodTerm, YARDSTICK_TERMS, type Confidence, type JudgementFieldChange } from '../../src/domain/judgement';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';
import { When } from '../shell/When';

const FIELD_LABELS: Readonly<Record<JudgementFieldChange['field'], string>> = {
  statement: 'Statement',
  likelihood: 'Likelihood',
  confidence: 'Confidence',
  assumptions: 'Rests on assumptions',
};

/** A logged value as words: likelihood keys of either yardstick, confidence labels, or the text. */
function shown(field: JudgementFieldChange['field'], value: string | null, yardstick: Yardstick): string {
  if (value === null || value === '') return '(none)';
  if (field === 'confidence') return CONFIDENCE_LABELS[value as Confidence] ?? value;
  if (field === 'likelihood') {
    const term =
      likelihoodTerm(yardstick, value) ??
      Object.values(YARDSTICK_TERMS)
        .flat()
        .find((candidate) => candidate.key === value);
    return term ? (term.words[0] ?? value) : value;
  }
  return `“${value}”`;
}

/** The change log of one judgement, newest first: who changed what, when, from what to what. */
export function ChangeLog({ judgementId, yardstick }: { judgementId: string; yardstick: Yardstick }) {
  // Read again after each saved edit of the judgement (renderer/data's table), not after evidence changes.
  const { data, error } = useContractQuery('judgements.changes', { judgementId });

  if (error) return <p className="field-error">{errorMessage(error)}</p>;
  if (!data) return null;
  const { items } = data;
  return (
    <section aria-label="Change log" className="change-log">
      <h3>Change log</h3>
      {items.length === 0 ? (
        <p className="muted">No changes to the statement, likelihood, confidence or assumptions yet.</p>
      ) : (
        <ol className="change-list">
          {items.map((entry) => (
            <li key={entry.id}>
              <p className="muted">
                {entry.kind === 'edit' ? '' : `${entry.note} · `}
                {entry.analyst || 'Unnamed analyst'} · <When iso={entry.endedAt} />
              </p>
              <ul>
                {entry.changes.map((change) => (
                  <li key={change.field}>
                    {FIELD_LABELS[change.field]}: {shown(change.field, change.from, yardstick)} →{' '}
                    {shown(change.field, change.to, yardstick)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
