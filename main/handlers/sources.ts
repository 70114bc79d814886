import type { SOURCES_OPERATIONS } from '../../src/contract/operations/sources';
import { sourceDraftOf } from '../../src/domain/form-edit-merge';
import type { DomainHandlers, HandlerContext } from './context';
import { formEditWrite } from './form-edit';

/** Sources and the derived-from links between them. */
export function sourcesHandlers({ ws }: HandlerContext): DomainHandlers<typeof SOURCES_OPERATIONS> {
  return {
    handlers: {
      'sources.list': (query) => ws().sources.list(query),
      'sources.get': ({ id }) => ws().sources.get(id),
      'sources.create': ({ draft, tagPaths, derivedFrom }) => ws().createSource(draft, tagPaths, derivedFrom),
      'sources.update': ({ id, version, draft, base }) => {
        const sources = ws().sources;
        return sources.update(id, ...formEditWrite(sources.get(id), sourceDraftOf, { version, draft, base }));
      },
      'sources.delete': ({ id }) => ({ id, deletedAt: ws().sources.trash(id) }),
      'sources.detail': ({ id }) => {
        const source = ws().sources.get(id);
        // Shown with its hash re-checked (once per open workspace), so an altered snapshot says so.
        const snapshot = source.hasSnapshot ? ws().snapshots.checkedInfo(id) : null;
        return {
          source,
          snapshot,
          ...ws().derivations.linksOf(id),
          quoteCount: ws().quotes.list({ sourceId: id, limit: 1, offset: 0 }).total,
        };
      },
      'sources.link': ({ sourceId, originId }) => {
        ws().derivations.link(sourceId, originId);
        return { linked: true as const };
      },
      'sources.unlink': ({ sourceId, originId }) => {
        ws().derivations.unlink(sourceId, originId);
        return { unlinked: true as const };
      },
    },
    jobHandlers: {},
  };
}
