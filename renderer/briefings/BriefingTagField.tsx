import { useId, useState, type FormEvent } from 'react';
import type { TagRef } from '../../src/domain/tag';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { TagChips } from '../library/TagChips';
import { useTags } from '../library/useTags';

/**
 * A briefing's tags in its title block: they travel with the metadata (and into the export's
 * keywords), so adding or removing one saves the title block at once.
 */
export function BriefingTagField({ tags, onChange }: { tags: readonly TagRef[]; onChange: (next: TagRef[]) => void }) {
  const client = useClient();
  const { tags: all, reload } = useTags();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const wanted = path.trim();
    if (wanted === '') return;
    setPath('');
    try {
      const existing = all.find((tag) => tag.path.toLowerCase() === wanted.toLowerCase());
      const tag = existing ?? (await client.call('tags.create', { path: wanted }));
      if (!existing) reload();
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
