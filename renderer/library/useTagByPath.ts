import { useCallback } from 'react';
import type { Tag, TagRef } from '../../src/domain/tag';
import { useCommand } from '../data/mutations';
import { useTags } from './useTags';

/**
 * Every tag (for suggestions), and `byPath`: the tag a typed path names, created when it is new.
 * Paths match case-insensitively, as the store keys them.
 */
export function useTagByPath(): { tags: Tag[]; byPath: (path: string) => Promise<TagRef> } {
  const command = useCommand();
  const { tags } = useTags();
  const byPath = useCallback(
    async (path: string): Promise<TagRef> => {
      const existing = tags.find((tag) => tag.path.toLowerCase() === path.toLowerCase());
      return existing ?? command('tags.create', { path });
    },
    [command, tags],
  );
  return { tags, byPath };
}
