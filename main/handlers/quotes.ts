import type { QUOTES_OPERATIONS } from '../../src/contract/operations/quotes';
import { quoteDraftOf } from '../../src/domain/form-edit-merge';
import type { DomainHandlers, HandlerContext } from './context';
import { formEditWrite } from './form-edit';

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
      'quotes.update': ({ id, version, draft, base }) => {
        const quotes = ws().quotes;
        return quotes.update(id, ...formEditWrite(quotes.get(id), quoteDraftOf, { version, draft, base }));
      },
      'quotes.delete': ({ id }) => ({ id, deletedAt: ws().quotes.trash(id) }),
    },
    jobHandlers: {},
  };
}
