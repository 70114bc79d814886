import { describeReliability } from '../../src/domain/admiralty';
import { SOURCE_KIND_LABELS, type Source } from '../../src/domain/source';

interface SourcesTableProps {
  sources: readonly Source[];
  onEdit: (source: Source) => void;
  onDelete: (source: Source) => void;
}

export function SourcesTable({ sources, onEdit, onDelete }: SourcesTableProps) {
  return (
    <table className="sources-table">
      <caption className="visually-hidden">Sources</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Kind</th>
          <th scope="col">Reliability</th>
          <th scope="col">Author</th>
          <th scope="col">Publisher</th>
          <th scope="col">Published</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => (
          <tr key={source.id}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onEdit(source)} aria-label={`Edit “${source.title}”`}>
                {source.title}
              </button>
            </th>
            <td>{SOURCE_KIND_LABELS[source.kind]}</td>
            <td>
              <span className={source.reliability ? `grade grade-${source.reliability}` : 'grade grade-none'} title={describeReliability(source.reliability)}>
                {source.reliability ?? 'Ungraded'}
              </span>
            </td>
            <td>{source.author}</td>
            <td>{source.publisher}</td>
            <td>{source.publishedDate ?? ''}</td>
            <td>
              <button type="button" className="ghost danger" onClick={() => onDelete(source)} aria-label={`Delete “${source.title}”`}>
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
