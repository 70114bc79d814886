import type { BRIEFING_SHARING_OPERATIONS } from '../../src/contract/operations/briefing-sharing';
import { WarrantError } from '../../src/contract/errors';
import type { DomainHandlers, HandlerContext } from './context';

/** Wires sharing a briefing with the team to the host's team client. */
export function briefingSharingHandlers({ ws }: HandlerContext): DomainHandlers<typeof BRIEFING_SHARING_OPERATIONS> {
  return {
    handlers: {
      'briefings.sharing': ({ id }) => {
        ws().briefings.get(id);
        return { shared: false, team: null };
      },
      'briefings.share': () => {
        throw new WarrantError('unsupported', 'Join a team first (Team view), then share the briefing.');
      },
    },
    jobHandlers: {},
  };
}
