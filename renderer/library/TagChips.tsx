import type { TagRef } from '../../src/domain/tag';

/** Tags on an item; with `onRemove`, each chip has a remove button. */
export function TagChips({ tags, onRemove }: { tags: readonly TagRef[]; onRemove?: (tag: TagRef) => void }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-chips" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.id} className="tag-chip" style={{ borderColor: tag.color }}>
          <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
          {tag.path}
          {onRemove && (
            <button type="button" className="ghost" aria-label={`Remove tag ${tag.path}`} onClick={() => onRemove(tag)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
