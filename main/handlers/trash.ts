import type { TRASH_OPERATIONS } from '../../src/contract/operations/trash';
import type { DomainHandlers, HandlerContext } from './context';

/** The trash. */
export function trashHandlers({ ws }: HandlerContext): DomainHandlers<typeof TRASH_OPERATIONS> {
  return {
    handlers: {
      'trash.list': () => ({ items: ws().trash.list() }),
      'trash.restore': (ref) => {
        ws().trash.restore(ref);
        return { restored: true as const };
      },
      'trash.empty': () => ({ removed: ws().trash.empty() }),
    },
    jobHandlers: {},
  };
}
