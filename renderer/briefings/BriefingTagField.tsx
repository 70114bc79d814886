import { useState } from 'react';
import type { TagRef } from '../../src/domain/tag';
import { errorMessage } from '../app/error-message';
import { TagChips, TagPathForm } from '../library';

/**
 * A briefing's tags in its title block: they travel with the metadata (and into the export's
 * keywords), so adding or removing one saves the title block at once.
 */
export function BriefingTagField({ tags, onChange }: { tags: readonly TagRef[]; onChange: (next: TagRef[]) => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field tag-editor">
      <span>Tags</span>
      <TagChips tags={tags} onRemove={(tag) => onChange(tags.filter((held) => held.id !== tag.id))} />
      <TagPathForm
        label="Tag briefing"
        buttonLabel="Add tag"
        placeholder="Tag, e.g. Region/Asia-Pacific"
        onTag={(tag) => {
          if (!tags.some((held) => held.id === tag.id)) onChange([...tags, { id: tag.id, path: tag.path, color: tag.color }]);
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
