import { TagEditor } from './TagEditor';

interface BulkTagBarProps {
  kind: 'source' | 'quote';
  ids: readonly string[];
  onClear: () => void;
}

/** Acting on several selected sources, or quotes, at once. */
export function BulkTagBar({ kind, ids, onClear }: BulkTagBarProps) {
  const noun = kind === 'source' ? 'source' : 'quote';
  return (
    <div className="bulk-bar" role="region" aria-label={`Selected ${noun}s`}>
      <span>{ids.length === 1 ? `1 ${noun} selected` : `${ids.length} ${noun}s selected`}</span>
      <TagEditor items={ids.map((id) => ({ kind, id }))} tags={[]} label="Tag selected" />
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
