// The one CommentsSync per running hub (loaded with the first shared briefing's threads).
import type { Workspace } from '../../db/workspace';
import { CommentsSync } from './comments-sync';
import type { TeamHub } from './team-hub';

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
