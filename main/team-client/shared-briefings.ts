// Which briefings follow the team, read from the names of the team documents the workspace holds:
// plain string work, so the host's handlers ask it without loading Yjs.
import type { Workspace } from '../../db/workspace';

const BRIEFING_PREFIX = 'briefing/';
const COMMENTS_PREFIX = 'comments/';

/** The team document holding a briefing's review threads. */
export function commentsDocumentName(briefingId: string): string {
  return `${COMMENTS_PREFIX}${briefingId}`;
}

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
