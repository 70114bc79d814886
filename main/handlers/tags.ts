import type { TAGS_OPERATIONS } from '../../src/contract/operations/tags';
import type { DomainHandlers, HandlerContext } from './context';

/** Tags and tagging. */
export function tagsHandlers({ ws }: HandlerContext): DomainHandlers<typeof TAGS_OPERATIONS> {
  return {
    handlers: {
      'tags.list': () => ({ items: ws().tags.list() }),
      'tags.create': ({ path, color }) => ws().tags.create(path, color ?? null),
      'tags.update': ({ id, version, path, color }) => ws().tags.rename(id, path, color ?? null, version),
      'tags.merge': ({ sourceId, targetId }) => ws().tags.merge(sourceId, targetId),
      'tags.usage': ({ id }) => ws().tags.usage(id),
      'tags.delete': ({ id }) => {
        ws().tags.delete(id);
        return { deleted: true as const };
      },
      'tags.apply': ({ tagIds, items, remove }) => ({ changed: ws().tags.apply(tagIds, items, remove) }),
    },
    jobHandlers: {},
  };
}
