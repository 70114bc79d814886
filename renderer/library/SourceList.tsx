import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Source } from '../../src/domain/source';
import { SOURCE_KIND_LABELS } from '../../src/domain/source-kinds';
import { GradeBadge } from './GradeBadge';
import type { SourceRows } from './useSourceRows';
import './source-list.css';

const ROW_HEIGHT = 44;

interface SourceListProps {
  rows: SourceRows;
  selected: ReadonlySet<string>;
  onToggleSelected: (source: Source) => void;
  onOpen: (source: Source) => void;
  onEdit: (source: Source) => void;
  onDelete: (source: Source) => void;
}

/** The library as a virtual table: only visible rows exist in the page, fetched as they scroll in. */
export function SourceList({ rows, selected, onToggleSelected, onOpen, onEdit, onDelete }: SourceListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = rows.total ?? 0;
  // The virtualizer hands back functions React cannot memoise safely; it is used as documented.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = rows;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  return (
    <div className="source-list" role="table" aria-label="Sources" aria-rowcount={count + 1}>
      <div role="rowgroup">
        <div role="row" className="source-row source-head" aria-rowindex={1}>
          <span role="columnheader" className="col-select">
            <span className="visually-hidden">Select</span>
          </span>
          <span role="columnheader">Title</span>
          <span role="columnheader" className="col-tags">
            Tags
          </span>
          <span role="columnheader">Kind</span>
          <span role="columnheader">Reliability</span>
          <span role="columnheader" className="col-author">
            Author
          </span>
          <span role="columnheader" className="col-publisher">
            Publisher
          </span>
          <span role="columnheader">Published</span>
          <span role="columnheader">
            <span className="visually-hidden">Actions</span>
          </span>
        </div>
      </div>
      <div ref={scroller} className="source-scroller" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const source = rows.rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="source-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {source ? (
                  <>
                    <span role="cell" className="col-select">
                      <input
                        type="checkbox"
                        aria-label={`Select “${source.title}”`}
                        checked={selected.has(source.id)}
                        onChange={() => onToggleSelected(source)}
                      />
                    </span>
                    <span role="rowheader" className="col-title">
                      <button
                        type="button"
                        className="link"
                        onClick={() => onOpen(source)}
                        title={source.title}
                        aria-label={`Open “${source.title}”`}
                      >
                        {source.title}
                      </button>
                      {source.hasSnapshot && (
                        <span className="badge" title="Has an offline snapshot">
                          snapshot
                        </span>
                      )}
                    </span>
                    <span role="cell" className="col-tags" title={source.tags.map((tag) => tag.path).join(', ')}>
                      {source.tags.map((tag) => tag.path).join(', ')}
                    </span>
                    <span role="cell">{SOURCE_KIND_LABELS[source.kind]}</span>
                    <span role="cell">
                      <GradeBadge reliability={source.reliability} />
                    </span>
                    <span role="cell" className="col-author">
                      {source.author}
                    </span>
                    <span role="cell" className="col-publisher">
                      {source.publisher}
                    </span>
                    <span role="cell">{source.publishedDate ?? ''}</span>
                    <span role="cell" className="col-actions">
                      <button type="button" className="ghost" onClick={() => onEdit(source)} aria-label={`Edit “${source.title}”`}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="ghost danger"
                        onClick={() => onDelete(source)}
                        aria-label={`Delete “${source.title}”`}
                      >
                        Delete
                      </button>
                    </span>
                  </>
                ) : (
                  <span role="cell" className="loading-row">
                    Loading…
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
