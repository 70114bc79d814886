import type { COMMENTS_OPERATIONS } from '../../src/contract/operations/comments';
import { briefingAccess } from '../../src/team/comments-access';
import type { DomainHandlers, HandlerContext } from './context';

/** Review comments on a briefing's text. */
export function commentsHandlers({ ws }: HandlerContext): DomainHandlers<typeof COMMENTS_OPERATIONS> {
  return {
    handlers: {
      'comments.list': ({ briefingId }) => ({ items: ws().comments.list(briefingId) }),
      'comments.access': ({ briefingId }) => briefingAccess(briefingId, false, null),
      'comments.openCounts': () => ({ counts: ws().comments.openCounts() }),
      'comments.start': ({ briefingId, anchor, quote, body }) => ws().comments.start(briefingId, anchor, quote, body),
      'comments.reply': ({ threadId, body }) => ws().comments.reply(threadId, body),
      'comments.setResolved': ({ threadId, version, resolved }) => ws().comments.setResolved(threadId, version, resolved),
      'comments.deleteThread': ({ threadId }) => {
        ws().comments.deleteThread(threadId);
        return { deleted: true as const };
      },
    },
    jobHandlers: {},
  };
}
