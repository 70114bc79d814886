import type { QUOTES_OPERATIONS } from '../../src/contract/operations/quotes';
import type { DomainHandlers, HandlerContext } from './context';

/** Quotes from sources. */
export function quotesHandlers({ ws }: HandlerContext): DomainHandlers<typeof QUOTES_OPERATIONS> {
  return {
    handlers: {
      'quotes.list': (query) => {
        // A source's quotes are listed beside it: its snapshot is checked first, whichever call lands first.
        if (query.sourceId !== undefined) ws().snapshots.ensureChecked(query.sourceId);
        return ws().quotes.list(query);
      },
      'quotes.get': ({ id }) => ws().quotes.get(id),
      'quotes.create': ({ draft }) => ws().quotes.create(draft),
      'quotes.update': ({ id, version, draft }) => ws().quotes.update(id, draft, version),
      'quotes.delete': ({ id }) => ({ id, deletedAt: ws().quotes.trash(id) }),
    },
    jobHandlers: {},
  };
}
