import { useEffect, useState } from 'react';
import { TRASH_KIND_LABELS } from '../../src/domain/trash';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useToast } from '../shell/useToast';
import { When } from '../shell/When';

/** Deleted records: restore one, or empty the trash for good after confirming. */
export function TrashView() {
  const command = useCommand();
  const toast = useToast();
  const trash = useContractQuery('trash.list', {});
  const items = trash.data?.items ?? null;
  const [confirming, setConfirming] = useState(false);
  const { error: loadError, refetch } = trash;
  useEffect(() => {
    if (loadError) toast({ message: errorMessage(loadError), tone: 'error' });
  }, [loadError, toast]);

  const act = async (action: () => Promise<unknown>, message: string): Promise<void> => {
    try {
      await action();
      toast({ message });
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' });
      // A refused restore may mean the item left the trash elsewhere: show the trash as it is.
      void refetch();
    }
  };

  return (
    <section className="view" aria-labelledby="trash-heading">
      <header className="view-header">
        <h1 id="trash-heading">Trash</h1>
        <div className="toolbar">
          <button type="button" className="danger" disabled={!items || items.length === 0} onClick={() => setConfirming(true)}>
            Empty trash
          </button>
        </div>
      </header>
      {items && items.length === 0 && (
        <p className="empty-state">The trash is empty. Deleted sources and quotes wait here until you empty it.</p>
      )}
      {items && items.length > 0 && (
        <ul className="trash-list" aria-label="Deleted items">
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`}>
              <span>
                <span className="trash-kind">{TRASH_KIND_LABELS[item.kind]}</span> {item.label}
                {item.detail && <span className="muted"> ({item.detail})</span>}
              </span>
              <When iso={item.deletedAt} />
              <button
                type="button"
                onClick={() => void act(() => command('trash.restore', { kind: item.kind, id: item.id }), `Restored “${item.label}”.`)}
                aria-label={`Restore “${item.label}”`}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirming && items && (
        <ConfirmDialog
          title="Empty the trash?"
          message={`${items.length === 1 ? '1 item' : `${items.length} items`} will be deleted for good. This cannot be undone.`}
          confirmLabel="Delete for good"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void act(() => command('trash.empty', {}), 'The trash is empty.');
          }}
        />
      )}
    </section>
  );
}
