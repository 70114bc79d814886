import { useCallback } from 'react';
import type { Tag, TagRef } from '../../src/domain/tag';
import { useClient } from '../app/useClient';
import { useTags } from './useTags';

/**
 * Every tag (for suggestions), and `byPath`: the tag a typed path names, created when it is new.
 * Paths match case-insensitively, as the store keys them.
 */
export function useTagByPath(): { tags: Tag[]; reload: () => void; byPath: (path: string) => Promise<TagRef> } {
  const client = useClient();
  const { tags, reload } = useTags();
  const byPath = useCallback(
    async (path: string): Promise<TagRef> => {
      const existing = tags.find((tag) => tag.path.toLowerCase() === path.toLowerCase());
      if (existing) return existing;
      const created = await client.call('tags.create', { path });
      reload();
      return created;
    },
    [client, tags, reload],
  );
  return { tags, reload, byPath };
}
