import type { SEARCH_OPERATIONS } from '../../src/contract/operations/search';
import type { DomainHandlers, HandlerContext } from './context';

/** Search across sources, quotes and briefings. */
export function searchHandlers({ ws }: HandlerContext): DomainHandlers<typeof SEARCH_OPERATIONS> {
  return {
    handlers: {
      'search.query': ({ text, filter, limit }) => ({
        ...ws().search.search(text, filter, limit),
        briefings: ws().briefingSearch.search(text, limit),
      }),
    },
    jobHandlers: {},
  };
}
