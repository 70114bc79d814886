import { TagEditor } from './TagEditor';

/** Acting on several selected sources at once. */
export function BulkTagBar({ ids, onDone, onClear }: { ids: readonly string[]; onDone: () => void; onClear: () => void }) {
  return (
    <div className="bulk-bar" role="region" aria-label="Selected sources">
      <span>{ids.length === 1 ? '1 source selected' : `${ids.length} sources selected`}</span>
      <TagEditor items={ids.map((id) => ({ kind: 'source' as const, id }))} tags={[]} onChanged={onDone} label="Tag selected" />
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
