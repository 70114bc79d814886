// Which briefings' review threads follow the team, and the one CommentsSync per running hub.
import type { Workspace } from '../../db/workspace';
import { commentsDocumentName, CommentsSync } from './comments-sync';
import type { TeamHub } from './team-hub';

const BRIEFING_PREFIX = 'briefing/';
const COMMENTS_PREFIX = 'comments/';

/**
 * Ids of the briefings shared with the team: the workspace holds the body's document (shared
 * here or by a teammate) or the threads' (a teammate commented on it first).
 */
export function sharedBriefingIds(workspace: Workspace): string[] {
  const ids = new Set<string>();
  for (const name of workspace.team.documentNames()) {
    if (name.startsWith(BRIEFING_PREFIX)) ids.add(name.slice(BRIEFING_PREFIX.length));
    else if (name.startsWith(COMMENTS_PREFIX)) ids.add(name.slice(COMMENTS_PREFIX.length));
  }
  return [...ids];
}

export function isSharedBriefing(workspace: Workspace, briefingId: string): boolean {
  const names = workspace.team.documentNames();
  return names.includes(`${BRIEFING_PREFIX}${briefingId}`) || names.includes(commentsDocumentName(briefingId));
}

const byHub = new WeakMap<TeamHub, CommentsSync>();

/** The hub's comment threads: made once per hub, so a new hub (joined again, workspace switched) starts afresh. */
export function commentsSyncOf(hub: TeamHub, workspace: () => Workspace): CommentsSync {
  let sync = byHub.get(hub);
  if (!sync) {
    sync = new CommentsSync({
      workspace,
      documents: { openDocument: (name) => hub.openDocument(name), documentNames: () => workspace().team.documentNames() },
      account: () => ({ user: hub.binding.userName, role: hub.binding.role }),
    });
    byHub.set(hub, sync);
  }
  return sync;
}
