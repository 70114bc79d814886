import { ASSUMPTION_STATUS_LABELS } from '../../src/domain/assumption';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';

/** In a judgement's evidence panel: the key assumptions it rests on, with their status (linked from the Assumptions tab). */
export function JudgementAssumptions({ judgementId }: { judgementId: string }) {
  const { data, error } = useContractQuery('assumptions.forJudgement', { judgementId });
  if (error) return <p role="alert">{errorMessage(error)}</p>;
  const items = data?.items ?? [];
  if (items.length === 0) return <p className="muted">Rests on no recorded key assumption (link one in the Assumptions tab).</p>;
  return (
    <div className="judgement-assumptions">
      <h3>Rests on these assumptions</h3>
      <ul aria-label="Assumptions it rests on">
        {items.map((item) => (
          <li key={item.id} className={`assumption-${item.status}`}>
            <span className={`assumption-status status-${item.status}`}>{ASSUMPTION_STATUS_LABELS[item.status]}</span> {item.text}
            {item.status === 'caveated' && <span className="muted"> ({item.caveat})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
