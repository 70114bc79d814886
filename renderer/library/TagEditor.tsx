import type { Taggable, TagRef } from '../../src/domain/tag';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { useToast } from '../shell/useToast';
import { TagChips } from './TagChips';
import { TagPathForm } from './TagPathForm';

/** Tags on one or more items: pick an existing tag or type a new path (Actor/NATO) to add it. */
export function TagEditor({ items, tags, label = 'Add tag' }: { items: readonly Taggable[]; tags: readonly TagRef[]; label?: string }) {
  const command = useCommand();
  const toast = useToast();
  const showError = (failure: unknown): void => toast({ message: errorMessage(failure), tone: 'error' });

  const apply = async (tagIds: string[], remove: boolean): Promise<void> => {
    await command('tags.apply', { tagIds, items: [...items], remove });
  };

  return (
    <div className="tag-editor">
      <TagChips tags={tags} onRemove={(tag) => void apply([tag.id], true).catch(showError)} />
      <TagPathForm
        label={label}
        buttonLabel={label}
        placeholder="Tag, e.g. Actor/NATO"
        onTag={(tag) => apply([tag.id], false)}
        onError={showError}
      />
    </div>
  );
}
