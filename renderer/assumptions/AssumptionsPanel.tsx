import { useMemo, useState, useSyncExternalStore } from 'react';
import './assumptions.css';
import { ASSUMPTION_STATUS_LABELS, type Assumption } from '../../src/domain/assumption';
import type { Judgement } from '../../src/domain/judgement';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';
import type { JudgementStore } from '../editor';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { AssumptionDialog } from './AssumptionDialog';

function short(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

function judgementLabel(judgement: Judgement, number: number): string {
  return `Key judgement ${number}${judgement.statement ? `: ${short(judgement.statement, 50)}` : ''}`;
}

/** One assumption of the register: what it is, why, how firm, what would show it wrong, and who rests on it. */
function AssumptionCard({
  assumption,
  index,
  judgements,
  store,
  readOnly,
  onEdit,
  onDelete,
  onError,
}: {
  assumption: Assumption;
  index: number;
  judgements: readonly Judgement[];
  store: JudgementStore;
  readOnly: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onError: (message: string | null) => void;
}) {
  const command = useCommand();
  const [picked, setPicked] = useState('');
  const label = `A${index + 1}`;
  const resting = new Set(assumption.judgementIds);
  const linkable = judgements.filter((judgement) => !resting.has(judgement.id));
  const run = (action: Promise<unknown>): void => {
    action.then(
      () => onError(null),
      (failure: unknown) => onError(errorMessage(failure)),
    );
  };
  return (
    <li className={`assumption assumption-${assumption.status}`} aria-label={`${label}: ${short(assumption.text)}`}>
      <p className="assumption-text">
        <strong>{label}</strong> {assumption.text}
      </p>
      <p>
        <span className={`assumption-status status-${assumption.status}`}>{ASSUMPTION_STATUS_LABELS[assumption.status]}</span>
        {assumption.status === 'caveated' && <span className="muted"> — {assumption.caveat}</span>}
      </p>
      {assumption.rationale && <p className="muted">Why: {assumption.rationale}</p>}
      {assumption.wrongIf.length > 0 && (
        <>
          <p className="muted">It would be wrong if:</p>
          <ul aria-label={`What would show ${label} wrong`}>
            {assumption.wrongIf.map((line, at) => (
              <li key={at}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {assumption.judgementIds.length === 0 ? (
        <p className="muted">No key judgement rests on it yet.</p>
      ) : (
        <ul className="assumption-judgements" aria-label={`Key judgements resting on ${label}`}>
          {assumption.judgementIds.map((id) => {
            const judgement = store.get(id);
            const name = judgement ? judgementLabel(judgement, store.numberOf(id)) : 'A key judgement';
            return (
              <li key={id}>
                {name}{' '}
                {!readOnly && (
                  <button
                    type="button"
                    aria-label={`Unlink ${name.split(':')[0] ?? name} from ${label}`}
                    onClick={() => run(command('assumptions.unlink', { assumptionId: assumption.id, judgementId: id }))}
                  >
                    Unlink
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && (
        <div className="assumption-actions">
          {linkable.length > 0 && (
            <>
              <select aria-label={`Key judgement to rest on ${label}`} value={picked} onChange={(event) => setPicked(event.target.value)}>
                <option value="">Choose a key judgement…</option>
                {linkable.map((judgement) => (
                  <option key={judgement.id} value={judgement.id}>
                    {judgementLabel(judgement, store.numberOf(judgement.id))}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={picked === ''}
                onClick={() => {
                  run(command('assumptions.link', { assumptionId: assumption.id, judgementId: picked }));
                  setPicked('');
                }}
              >
                Link judgement
              </button>
            </>
          )}
          <button type="button" aria-label={`Edit ${label}`} onClick={onEdit}>
            Edit…
          </button>
          <button type="button" className="danger" aria-label={`Delete ${label}`} onClick={onDelete}>
            Delete…
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The briefing's Key Assumptions Check (the inspector's Assumptions tab): the register, each
 * assumption's status, and the key judgements resting on it. The checks in Problems read it.
 */
export function AssumptionsPanel({ briefingId, store, readOnly }: { briefingId: string; store: JudgementStore; readOnly: boolean }) {
  const command = useCommand();
  const list = useContractQuery('assumptions.list', { briefingId });
  const revision = useSyncExternalStore(store.subscribe, () => store.revision());
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `revision` is the store's change signal
  const judgements = useMemo(() => store.inOrder(), [store, revision]);
  const [editing, setEditing] = useState<Assumption | 'new' | null>(null);
  const [deleting, setDeleting] = useState<{ assumption: Assumption; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  return (
    <section className="side-panel assumptions-panel" aria-label="Assumptions">
      <h2>Key assumptions</h2>
      <p className="muted">
        What the judgements take for granted, how firmly it holds, and what would show it wrong. Judgements resting on an unsupported
        assumption, or sure of themselves on a caveated one, show in Problems.
      </p>
      {list.error && <p role="alert">{errorMessage(list.error)}</p>}
      {list.isSuccess && items.length === 0 && <p className="muted">No assumptions recorded yet.</p>}
      {items.length > 0 && (
        <ol className="assumption-list" aria-label="Assumptions">
          {items.map((assumption, index) => (
            <AssumptionCard
              key={assumption.id}
              assumption={assumption}
              index={index}
              judgements={judgements}
              store={store}
              readOnly={readOnly}
              onEdit={() => setEditing(assumption)}
              onDelete={() => setDeleting({ assumption, label: `A${index + 1}` })}
              onError={setError}
            />
          ))}
        </ol>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!readOnly && (
        <button type="button" onClick={() => setEditing('new')}>
          Add assumption…
        </button>
      )}
      {editing && (
        <AssumptionDialog briefingId={briefingId} assumption={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.label}?`}
          message={`“${short(deleting.assumption.text, 120)}” leaves the register with its links to key judgements. The judgements stay.`}
          confirmLabel="Delete assumption"
          onConfirm={() => {
            const { assumption } = deleting;
            setDeleting(null);
            command('assumptions.delete', { id: assumption.id, baseVersion: assumption.version }).then(
              () => setError(null),
              (failure: unknown) => setError(errorMessage(failure)),
            );
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
