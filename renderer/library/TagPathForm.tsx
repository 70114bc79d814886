import { useId, useState, type FormEvent } from 'react';
import type { TagRef } from '../../src/domain/tag';
import { useTagByPath } from './useTagByPath';

/**
 * Pick an existing tag or type a new path (Actor/NATO): the tag is found or made, then handed to
 * `onTag`. The field clears at once, so typing the next tag is never overwritten when this one
 * lands, and gets its text back if adding fails (`onTag` or the lookup throws; `onError` says why).
 */
export function TagPathForm({
  label,
  buttonLabel,
  placeholder,
  onTag,
  onError,
}: {
  label: string;
  buttonLabel: string;
  placeholder: string;
  onTag: (tag: TagRef) => Promise<void> | void;
  onError: (failure: unknown) => void;
}) {
  const { tags: all, byPath } = useTagByPath();
  const [path, setPath] = useState('');
  const listId = useId();

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const wanted = path.trim();
    if (wanted === '') return;
    setPath('');
    try {
      await onTag(await byPath(wanted));
    } catch (failure) {
      setPath(wanted);
      onError(failure);
    }
  };

  return (
    <form onSubmit={(event) => void add(event)} className="inline-form">
      <input aria-label={label} list={listId} value={path} onChange={(event) => setPath(event.target.value)} placeholder={placeholder} />
      <datalist id={listId}>
        {all.map((tag) => (
          <option key={tag.id} value={tag.path} />
        ))}
      </datalist>
      <button type="submit" disabled={path.trim() === ''}>
        {buttonLabel}
      </button>
    </form>
  );
}
