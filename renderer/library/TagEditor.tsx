import { useId, useState, type FormEvent } from 'react';
import type { Taggable, TagRef } from '../../src/domain/tag';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { useToast } from '../shell/useToast';
import { TagChips } from './TagChips';
import { useTagByPath } from './useTagByPath';

/** Tags on one or more items: pick an existing tag or type a new path (Actor/NATO) to add it. */
export function TagEditor({ items, tags, onChanged, label = 'Add tag' }: { items: readonly Taggable[]; tags: readonly TagRef[]; onChanged: () => void; label?: string }) {
  const client = useClient();
  const toast = useToast();
  const { tags: all, reload, byPath } = useTagByPath();
  const [path, setPath] = useState('');
  const listId = useId();

  const apply = async (tagIds: string[], remove: boolean): Promise<void> => {
    await client.call('tags.apply', { tagIds, items: [...items], remove });
    reload();
    onChanged();
  };

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const wanted = path.trim();
    if (wanted === '') return;
    // Cleared at once so typing the next tag is never overwritten when this one lands.
    setPath('');
    try {
      await apply([(await byPath(wanted)).id], false);
    } catch (error) {
      setPath(wanted);
      toast({ message: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <div className="tag-editor">
      <TagChips tags={tags} onRemove={(tag) => void apply([tag.id], true).catch((error: unknown) => toast({ message: errorMessage(error), tone: 'error' }))} />
      <form onSubmit={(event) => void add(event)} className="inline-form">
        <input aria-label={label} list={listId} value={path} onChange={(event) => setPath(event.target.value)} placeholder="Tag, e.g. Actor/NATO" />
        <datalist id={listId}>
          {all.map((tag) => (
            <option key={tag.id} value={tag.path} />
          ))}
        </datalist>
        <button type="submit" disabled={path.trim() === ''}>
          {label}
        </button>
      </form>
    </div>
  );
}
