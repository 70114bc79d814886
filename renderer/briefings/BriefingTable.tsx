import {
  BRIEFING_SORT_KEYS,
  BRIEFING_STATUS_LABELS,
  BRIEFING_STATUSES,
  type BriefingListQuery,
  type BriefingSortKey,
  type BriefingStatus,
  type BriefingSummary,
  type ProductType,
} from '../../src/domain/briefing';
import { limitState } from '../../src/briefing/word-count';
import { When } from '../shell/When';

const SORT_LABELS: Readonly<Record<BriefingSortKey, string>> = {
  updated: 'Last edited',
  title: 'Title',
  status: 'Status',
  words: 'Word count',
  type: 'Type',
};

interface BriefingTableProps {
  items: BriefingSummary[] | null;
  query: BriefingListQuery;
  types: ProductType[];
  onQuery: (query: BriefingListQuery) => void;
  onOpen: (id: string) => void;
  onDelete: (briefing: BriefingSummary) => void;
  /** Unresolved review comment threads per briefing id (a briefing in review is read with them). */
  openComments: Readonly<Record<string, number>>;
}

/** Every briefing with its type, status, last edit and word count; sortable, filterable, searchable. */
export function BriefingTable({ items, query, types, onQuery, onOpen, onDelete, openComments }: BriefingTableProps) {
  return (
    <>
      <div className="toolbar briefing-filters">
        <input
          type="search"
          aria-label="Search briefing titles"
          placeholder="Search titles"
          value={query.text}
          onChange={(event) => onQuery({ ...query, text: event.target.value })}
        />
        <label>
          Type{' '}
          <select value={query.typeId ?? ''} onChange={(event) => onQuery({ ...query, typeId: event.target.value || undefined })}>
            <option value="">All types</option>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select
            value={query.status ?? ''}
            onChange={(event) => onQuery({ ...query, status: (event.target.value || undefined) as BriefingStatus | undefined })}
          >
            <option value="">Any status</option>
            {BRIEFING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {BRIEFING_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by{' '}
          <select value={query.sort} onChange={(event) => onQuery({ ...query, sort: event.target.value as BriefingSortKey })}>
            {BRIEFING_SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          aria-label={query.direction === 'asc' ? 'Ascending (switch to descending)' : 'Descending (switch to ascending)'}
          onClick={() => onQuery({ ...query, direction: query.direction === 'asc' ? 'desc' : 'asc' })}
        >
          {query.direction === 'asc' ? '↑' : '↓'}
        </button>
      </div>
      {items === null ? (
        <p className="muted">Loading briefings…</p>
      ) : items.length === 0 ? (
        <div className="empty-state">
          <p>
            {query.text || query.status || query.typeId
              ? 'No briefing matches these filters.'
              : 'No briefings yet. Start one with “New briefing” (Alt+N): it opens with its product’s sections ready.'}
          </p>
        </div>
      ) : (
        <table className="sources-table briefings-table" aria-label="Briefings">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
              <th scope="col">Words</th>
              <th scope="col">Open comments</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpen(item.id)}>
                    {item.title}
                  </button>
                </td>
                <td>{item.typeName}</td>
                <td>{BRIEFING_STATUS_LABELS[item.status]}</td>
                <td>
                  <When iso={item.updatedAt} />
                </td>
                <td className={`words words-${limitState(item.wordCount, item.wordLimit)}`}>
                  {item.wordCount.toLocaleString('en')}
                  {item.wordLimit !== null && ` / ${item.wordLimit.toLocaleString('en')}`}
                </td>
                <td>{openComments[item.id] ?? 0}</td>
                <td>
                  <button type="button" aria-label={`Delete “${item.title}”`} onClick={() => onDelete(item)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
