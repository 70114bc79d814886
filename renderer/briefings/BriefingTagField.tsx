import { useRef, useState } from 'react';
import type { TagRef } from '../../src/domain/tag';
import { errorMessage } from '../app/error-message';
import { TagChips, TagPathForm } from '../library';

/** A change to the tag list, applied to the newest list when it lands (not the one shown when it began). */
export type TagListEdit = (held: readonly TagRef[]) => TagRef[];

/**
 * A briefing's tags in its title block: they travel with the metadata (and into the export's
 * keywords), so adding or removing one saves the title block at once. Adding waits on finding or
 * making the tag; a second tag typed meanwhile must not drop the first, so each change is an edit
 * of whatever list is current when it lands.
 */
export function BriefingTagField({ tags, onEdit }: { tags: readonly TagRef[]; onEdit: (edit: TagListEdit) => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field tag-editor">
      <span>Tags</span>
      <TagChips tags={tags} onRemove={(tag) => onEdit((held) => held.filter((kept) => kept.id !== tag.id))} />
      <TagPathForm
        label="Tag briefing"
        buttonLabel="Add tag"
        placeholder="Tag, e.g. Region/Asia-Pacific"
        onTag={(tag) => {
          onEdit((held) =>
            held.some((kept) => kept.id === tag.id) ? [...held] : [...held, { id: tag.id, path: tag.path, color: tag.color }],
          );
          setError(null);
        }}
        onError={(failure) => setError(errorMessage(failure))}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The tag list as the title block holds it: `edit` applies a change to the newest list and returns it. */
export function useTagList(initial: readonly TagRef[]): {
  tags: readonly TagRef[];
  edit: (change: TagListEdit) => TagRef[];
  replace: (next: readonly TagRef[]) => void;
} {
  const [tags, setTags] = useState<readonly TagRef[]>(initial);
  const latestRef = useRef(initial);
  return {
    tags,
    edit: (change) => {
      const next = change(latestRef.current);
      latestRef.current = next;
      setTags(next);
      return next;
    },
    replace: (next) => {
      latestRef.current = next;
      setTags(next);
    },
  };
}
