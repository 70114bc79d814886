import type { Tag } from '../../src/domain/tag';
import { useContractQuery } from '../data/useContractQuery';

const NO_TAGS: Tag[] = [];

/** Every tag with its counts, read again whenever a command changes tags (renderer/data). */
export function useTags(): { tags: Tag[] } {
  const { data } = useContractQuery('tags.list', {});
  return { tags: data?.items ?? NO_TAGS };
}
