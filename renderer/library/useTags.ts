import { useCallback, useEffect, useState } from 'react';
import type { Tag } from '../../src/domain/tag';
import { useClient } from '../app/useClient';

/** Every tag with its counts, reloadable after changes. */
export function useTags(): { tags: Tag[]; reload: () => void } {
  const client = useClient();
  const [tags, setTags] = useState<Tag[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    client.call('tags.list', {}).then(
      (result) => current && setTags(result.items),
      () => current && setTags([]),
    );
    return () => {
      current = false;
    };
  }, [client, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { tags, reload };
}
