import { useEffect, useState } from 'react';
import { SOURCE_SORT_KEYS, type Source, type SourceSortKey } from '../../src/domain/source';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { useToast } from '../shell/useToast';
import { SourceForm } from './SourceForm';
import { SourcesTable } from './SourcesTable';
import { useSourcePage } from './useSourcePage';

const SORT_LABELS: Readonly<Record<SourceSortKey, string>> = {
  updated: 'Last edited',
  title: 'Title',
  published: 'Published',
  accessed: 'Accessed',
  reliability: 'Reliability',
};

type Editing = { mode: 'new' } | { mode: 'edit'; source: Source } | null;

/** The library's sources: list, sort, create, edit, delete to trash with undo. */
export function SourcesView() {
  const client = useClient();
  const toast = useToast();
  const { page, error, sort, direction, setSort, showMore, reload } = useSourcePage();
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        setEditing({ mode: 'new' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const remove = async (source: Source): Promise<void> => {
    try {
      await client.call('sources.delete', { id: source.id });
      reload();
      toast({
        message: `Moved “${source.title}” to the trash.`,
        action: {
          label: 'Undo',
          run: () =>
            void client
              .call('trash.restore', { kind: 'source', id: source.id })
              .then(reload)
              .catch((failure: unknown) => toast({ message: errorMessage(failure), tone: 'error' })),
        },
      });
    } catch (failure) {
      toast({ message: errorMessage(failure), tone: 'error' });
    }
  };

  return (
    <section className="view" aria-labelledby="sources-heading">
      <header className="view-header">
        <h1 id="sources-heading">Sources</h1>
        <div className="toolbar">
          <label>
            Sort by{' '}
            <select value={sort} onChange={(event) => setSort(event.target.value as SourceSortKey, direction)}>
              {SOURCE_SORT_KEYS.map((key) => (
                <option key={key} value={key}>
                  {SORT_LABELS[key]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setSort(sort, direction === 'asc' ? 'desc' : 'asc')} aria-label={direction === 'asc' ? 'Sort ascending (click for descending)' : 'Sort descending (click for ascending)'}>
            {direction === 'asc' ? '↑' : '↓'}
          </button>
          <button type="button" className="primary" onClick={() => setEditing({ mode: 'new' })} aria-keyshortcuts="Alt+N">
            New source
          </button>
        </div>
      </header>
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {page && page.total === 0 && (
        <div className="empty-state">
          <p>No sources yet.</p>
          <p>Add the speeches, reports and statements you will draw evidence from. Each starts ungraded until you give it an Admiralty grade.</p>
        </div>
      )}
      {page && page.total > 0 && (
        <>
          <p className="count">{page.total === 1 ? '1 source' : `${page.total.toLocaleString()} sources`}</p>
          <SourcesTable sources={page.items} onEdit={(source) => setEditing({ mode: 'edit', source })} onDelete={(source) => void remove(source)} />
          {page.items.length < page.total && (
            <button type="button" onClick={showMore}>
              Show more
            </button>
          )}
        </>
      )}
      {editing && (
        <SourceForm
          source={editing.mode === 'edit' ? editing.source : null}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            reload();
            toast({ message: editing.mode === 'edit' ? `Saved “${saved.title}”.` : `Added “${saved.title}”.` });
          }}
        />
      )}
    </section>
  );
}
