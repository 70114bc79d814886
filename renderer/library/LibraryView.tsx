import { useEffect, useRef, useState } from 'react';
import { isPartialIsoDate } from '../../src/domain/field-checks';
import type { Source, SourceFilter } from '../../src/domain/source';
import { SOURCE_SORT_KEYS, type SourceSortKey } from '../../src/domain/source-kinds';
import { SNAPSHOT_MAX_LABEL } from '../../src/snapshot/limits';
import { groupedDigits } from '../../src/text/grouped-digits';
import { errorMessage } from '../app/error-message';
import { navigate, openSource } from '../app/router';
import { LIBRARY } from '../app/routes';
import { SampleOffer } from '../app/SampleOffer';
import { InterchangeToolbar } from '../interchange';
import { useCommand } from '../data/mutations';
import { useDebouncedSearch } from '../data/useDebouncedSearch';
import { useCommandHandler } from '../commands/registry';
import { shortcutLabel, shortcutProps } from '../commands/shortcut-labels';
import { useToast } from '../shell/useToast';
import { BulkTagBar } from './BulkTagBar';
import { sourceUses, useLinkedDeleteCheck } from './useLinkedDeleteCheck';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { LoadBoundary } from '../shell/LoadBoundary';
import { FilterPanel } from './FilterPanel';
import { SearchResults } from './SearchResults';
import { SourceDetail, SourceForm, warmLibraryParts } from './lazy-parts';
import { SourceList } from './SourceList';
import { FIRST_ORDER, useSourceRows } from './useSourceRows';
import { useTags } from './useTags';

const SORT_LABELS: Readonly<Record<SourceSortKey, string>> = {
  updated: 'Last edited',
  title: 'Title',
  published: 'Published',
  accessed: 'Accessed',
  reliability: 'Reliability',
};

type Editing = { mode: 'new' } | { mode: 'edit'; source: Source } | null;

/** Dates still being typed are left out of the filter rather than sent half-finished. */
function usable(filter: SourceFilter): SourceFilter {
  return {
    ...filter,
    publishedFrom: filter.publishedFrom && isPartialIsoDate(filter.publishedFrom) ? filter.publishedFrom : undefined,
    publishedTo: filter.publishedTo && isPartialIsoDate(filter.publishedTo) ? filter.publishedTo : undefined,
  };
}

/** The evidence library: search, filters, the virtual source list, and one source opened. */
export function LibraryView({
  open,
}: {
  /** The source (and quote) the route opens, or null for the list; the route is the only state. */
  open: { sourceId: string; quoteId: string | null } | null;
}) {
  const command = useCommand();
  const toast = useToast();
  const { tags } = useTags();
  const [filter, setFilter] = useState<SourceFilter>({});
  const [sort, setSort] = useState<SourceSortKey>(FIRST_ORDER.sort);
  const [direction, setDirection] = useState<'asc' | 'desc'>(FIRST_ORDER.direction);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const searchBox = useRef<HTMLInputElement>(null);
  const effective = usable(filter);
  const rows = useSourceRows(effective, sort, direction);
  const search = useDebouncedSearch(text, { filter: effective, limit: 20 });

  useCommandHandler('library.search', () => {
    navigate(LIBRARY);
    searchBox.current?.focus();
  });
  useCommandHandler('library.newSource', () => setEditing({ mode: 'new' }));
  useEffect(() => warmLibraryParts(), []);

  const remove = async (source: Source): Promise<void> => {
    try {
      await command('sources.delete', { id: source.id });
      toast({
        message: `Moved “${source.title}” to the trash.`,
        action: {
          label: 'Undo',
          run: () =>
            void command('trash.restore', { kind: 'source', id: source.id }).catch((failure: unknown) =>
              toast({ message: errorMessage(failure), tone: 'error' }),
            ),
        },
      });
    } catch (failure) {
      toast({ message: errorMessage(failure), tone: 'error' });
    }
  };

  const deletion = useLinkedDeleteCheck(sourceUses, remove);

  const toggleSelected = (source: Source): void =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(source.id)) next.delete(source.id);
      else next.add(source.id);
      return next;
    });

  return (
    <div className="library">
      <aside className="library-side">
        <label className="stacked search-label">
          <span className="visually-hidden">Search the library</span>
          <input
            ref={searchBox}
            type="search"
            aria-label="Search the library"
            aria-keyshortcuts={shortcutProps('library.search')['aria-keyshortcuts']}
            placeholder={`Search sources and quotes (${shortcutLabel('library.search') ?? ''})`}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              navigate(LIBRARY);
            }}
          />
        </label>
        <FilterPanel filter={filter} onChange={setFilter} tags={tags} />
      </aside>
      <section className="view library-main" aria-labelledby="sources-heading">
        {open ? (
          <LoadBoundary what="the source">
            <SourceDetail
              key={`${open.sourceId}:${open.quoteId ?? ''}`}
              sourceId={open.sourceId}
              focusQuoteId={open.quoteId}
              onOpen={(sourceId, quoteId) => openSource(sourceId, quoteId ?? null)}
              onBack={() => navigate(LIBRARY)}
            />
          </LoadBoundary>
        ) : (
          <>
            <header className="view-header">
              <h1 id="sources-heading">{text.trim() ? 'Search results' : 'Sources'}</h1>
              <div className="toolbar">
                <label>
                  Sort by{' '}
                  <select value={sort} onChange={(event) => setSort(event.target.value as SourceSortKey)}>
                    {SOURCE_SORT_KEYS.map((key) => (
                      <option key={key} value={key}>
                        {SORT_LABELS[key]}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  onClick={() => setDirection(direction === 'asc' ? 'desc' : 'asc')}
                  aria-label={direction === 'asc' ? 'Sort ascending (click for descending)' : 'Sort descending (click for ascending)'}
                >
                  {direction === 'asc' ? '↑' : '↓'}
                </button>
                <InterchangeToolbar selectedIds={[...selected]} />
                <button
                  type="button"
                  className="primary"
                  onClick={() => setEditing({ mode: 'new' })}
                  {...shortcutProps('library.newSource')}
                >
                  New source
                </button>
              </div>
            </header>
            {(rows.error ?? search.error) && (
              <p role="alert" className="error-banner">
                {rows.error ?? search.error}
              </p>
            )}
            {selected.size > 0 && <BulkTagBar kind="source" ids={[...selected]} onClear={() => setSelected(new Set())} />}
            {text.trim() !== '' ? (
              search.results && <SearchResults results={search.results} />
            ) : rows.total === 0 ? (
              <div className="empty-state">
                {Object.values(effective).some((value) => value !== undefined) ? (
                  <p>No source matches these filters.</p>
                ) : (
                  <>
                    <p>No sources yet.</p>
                    <p>
                      Add the speeches, reports and statements you will draw evidence from. Each starts ungraded until you give it an
                      Admiralty grade; attach an offline snapshot (HTML, PDF or text, up to {SNAPSHOT_MAX_LABEL}) to quote from it.
                    </p>
                    <SampleOffer />
                  </>
                )}
              </div>
            ) : (
              <>
                {/* Not toLocaleString: its first call loads ICU's number formatting (15–50 ms) just as the first rows paint. */}
                {rows.total !== null && <p className="count">{rows.total === 1 ? '1 source' : `${groupedDigits(rows.total)} sources`}</p>}
                <SourceList
                  rows={rows}
                  selected={selected}
                  onToggleSelected={toggleSelected}
                  onOpen={(source) => openSource(source.id)}
                  onEdit={(source) => setEditing({ mode: 'edit', source })}
                  onDelete={deletion.request}
                />
              </>
            )}
          </>
        )}
      </section>
      {deletion.pending && (
        <ConfirmDialog
          title="Move a linked source to the trash?"
          message={`“${deletion.pending.item.title}” is linked: ${deletion.pending.usedIn.join('; ')}. The links go to the trash with it and come back if you restore it.`}
          confirmLabel="Move to trash"
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
        />
      )}
      {editing && (
        <LoadBoundary what="the source form" inline>
          <SourceForm
            source={editing.mode === 'edit' ? editing.source : null}
            onClose={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              toast({ message: editing.mode === 'edit' ? `Saved “${saved.title}”.` : `Added “${saved.title}”.` });
              // A new source is made to be worked on: its page is where the snapshot goes and quotes are cut.
              if (editing.mode === 'new') openSource(saved.id);
            }}
          />
        </LoadBoundary>
      )}
    </div>
  );
}
