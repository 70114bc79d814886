import { useId, useState, type FormEvent } from 'react';
import type { TagRef } from '../../src/domain/tag';
import { errorMessage } from '../app/error-message';
import { TagChips } from '../library/TagChips';
import { useTagByPath } from '../library/useTagByPath';

/**
 * A briefing's tags in its title block: they travel with the metadata (and into the export's
 * keywords), so adding or removing one saves the title block at once.
 */
export function BriefingTagField({ tags, onChange }: { tags: readonly TagRef[]; onChange: (next: TagRef[]) => void }) {
  const { tags: all, byPath } = useTagByPath();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const wanted = path.trim();
    if (wanted === '') return;
    setPath('');
    try {
      const tag = await byPath(wanted);
      if (!tags.some((held) => held.id === tag.id)) onChange([...tags, { id: tag.id, path: tag.path, color: tag.color }]);
      setError(null);
    } catch (failure) {
      setPath(wanted);
      setError(errorMessage(failure));
    }
  };

  return (
    <div className="field tag-editor">
      <span>Tags</span>
      <TagChips tags={tags} onRemove={(tag) => onChange(tags.filter((held) => held.id !== tag.id))} />
      <form onSubmit={(event) => void add(event)} className="inline-form">
        <input aria-label="Tag briefing" list={listId} value={path} onChange={(event) => setPath(event.target.value)} placeholder="Tag, e.g. Region/Asia-Pacific" />
        <datalist id={listId}>
          {all.map((tag) => (
            <option key={tag.id} value={tag.path} />
          ))}
        </datalist>
        <button type="submit" disabled={path.trim() === ''}>
          Add tag
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
