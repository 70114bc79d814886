import { CONFIDENCE_LABELS, STANCE_LABELS, YARDSTICK_TERMS } from '../../src/domain/judgement';
import { useContractQuery } from '../data/useContractQuery';

function likelihoodWords(key: string | null): string {
  if (key === null) return 'likelihood not set';
  return (
    Object.values(YARDSTICK_TERMS)
      .flat()
      .find((term) => term.key === key)?.words[0] ?? key
  );
}

/** The key judgements a revision kept, read-only, as they would come back on restoring it. */
export function RevisionJudgements({ revisionId }: { revisionId: string }) {
  const { data: kept } = useContractQuery('judgements.ofRevision', { revisionId }, { immutable: true });
  if (!kept) return null;
  return (
    <section aria-label="Key judgements in this revision">
      <h3>Key judgements in this revision</h3>
      {!kept.captured ? (
        <p className="muted">This revision is older than key judgements: restoring it leaves them as they are.</p>
      ) : kept.items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol>
          {kept.items.map((item) => {
            const counts = item.links.reduce<Record<string, number>>(
              (sum, link) => ({ ...sum, [link.stance]: (sum[link.stance] ?? 0) + 1 }),
              {},
            );
            return (
              <li key={item.id}>
                <strong>{item.statement || '(no statement)'}</strong>{' '}
                <span className="muted">
                  {likelihoodWords(item.likelihood)} · {item.confidence ? CONFIDENCE_LABELS[item.confidence] : 'confidence not set'} ·{' '}
                  {item.links.length === 0
                    ? 'no evidence linked'
                    : Object.entries(counts)
                        .map(([stance, n]) => `${n} ${STANCE_LABELS[stance as keyof typeof STANCE_LABELS].toLowerCase()}`)
                        .join(', ')}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
