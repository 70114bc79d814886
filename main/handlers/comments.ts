import { WarrantError } from '../../src/contract/errors';
import type { COMMENTS_OPERATIONS } from '../../src/contract/operations/comments';
import { briefingAccess } from '../../src/team/comments-access';
import type { CommentsSync } from '../team-client/comments-sync';
import { isSharedBriefing, sharedBriefingIds } from '../team-client/shared-briefings';
import type { DomainHandlers, HandlerContext } from './context';

/**
 * Review comments on a briefing's text. In a briefing shared with a team, the threads live in its
 * team document: writes go there and the tables are its projection (main/team-client/comments-sync.ts).
 */
export function commentsHandlers({ ws, host }: HandlerContext): DomainHandlers<typeof COMMENTS_OPERATIONS> {
  /** The team's threads for this briefing, when it is shared and the team connection runs. */
  const teamFor = async (briefingId: string): Promise<CommentsSync | null> => {
    if (ws().team.binding() === null || !isSharedBriefing(ws(), briefingId)) return null;
    // Just after the host starts, the hub may still be loading the documents: wait for it.
    const hub = host.team?.hub() ?? (await host.team?.resume()) ?? null;
    if (!hub) return null;
    const { commentsSyncOf } = await import('../team-client/comments-team');
    const sync = commentsSyncOf(hub, ws);
    await sync.attach(briefingId);
    return sync;
  };
  /** For writes: a thread written to the tables alone would be undone by the next projection. */
  const teamToWrite = async (briefingId: string): Promise<CommentsSync | null> => {
    const team = await teamFor(briefingId);
    if (!team && ws().team.binding() !== null && isSharedBriefing(ws(), briefingId))
      throw new WarrantError('unsupported', 'This briefing is shared with your team, and the team connection is not running here.');
    return team;
  };
  const teamForThread = (threadId: string): Promise<CommentsSync | null> => teamToWrite(ws().comments.get(threadId).briefingId);

  return {
    handlers: {
      'comments.list': async ({ briefingId }) => {
        await teamFor(briefingId);
        return { items: ws().comments.list(briefingId) };
      },
      'comments.access': ({ briefingId }) => {
        const binding = ws().team.binding();
        return briefingAccess(briefingId, binding !== null && isSharedBriefing(ws(), briefingId), binding?.role ?? null);
      },
      'comments.openCounts': async () => {
        if (host.team?.hub()) await Promise.all(sharedBriefingIds(ws()).map((id) => teamFor(id)));
        return { counts: ws().comments.openCounts() };
      },
      'comments.start': async ({ briefingId, anchor, quote, body }) => {
        const team = await teamToWrite(briefingId);
        return team ? team.start(briefingId, anchor, quote, body) : ws().comments.start(briefingId, anchor, quote, body);
      },
      'comments.reply': async ({ threadId, body }) => {
        const team = await teamForThread(threadId);
        return team ? team.reply(threadId, body) : ws().comments.reply(threadId, body);
      },
      'comments.setResolved': async ({ threadId, version, resolved }) => {
        const team = await teamForThread(threadId);
        return team ? team.setResolved(threadId, resolved) : ws().comments.setResolved(threadId, version, resolved);
      },
      'comments.deleteThread': async ({ threadId }) => {
        const team = await teamForThread(threadId);
        if (team) await team.deleteThread(threadId);
        else ws().comments.deleteThread(threadId);
        return { deleted: true as const };
      },
    },
    jobHandlers: {},
  };
}
