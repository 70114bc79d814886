import type { BRIEFING_SHARING_OPERATIONS } from '../../src/contract/operations/briefing-sharing';
import { WarrantError } from '../../src/contract/errors';
import type { TeamHub } from '../team-client/team-hub';
import type { DomainHandlers, HandlerContext } from './context';

/** Wires sharing a briefing with the team to the host's team client (its hub, while joined). */
export function briefingSharingHandlers({ ws, host, teamLibrary }: HandlerContext): DomainHandlers<typeof BRIEFING_SHARING_OPERATIONS> {
  // A projection that fails (the briefing went to the trash meanwhile) must not stop the others.
  const onError = (error: unknown): void => console.error('A shared briefing could not be projected:', error);
  // The headless editor and its Yjs binding load with the first shared briefing.
  const sharing = async (hub: TeamHub) => (await import('../team-client/briefing-sharing')).sharingOf(hub, ws, onError);
  // The hub starts just after the host listens: a briefing opened at once waits for it.
  const runningHub = async (): Promise<TeamHub | null> => (await host.team?.resume()) ?? host.team?.hub() ?? null;
  return {
    handlers: {
      'briefings.sharing': async ({ id }) => {
        ws().briefings.get(id);
        const binding = ws().team.binding();
        // A host without a team client (the desktop app, for now) co-writes nothing, bound or not.
        if (!binding || !host.team) return { shared: false, team: null };
        const hub = await runningHub();
        const team = { user: binding.userName };
        if (!hub) return { shared: false, team };
        const shared = await (await sharing(hub)).isShared(id);
        // A briefing shared before its records travelled: they go in now (only those the team lacks).
        if (shared) (await teamLibrary.active())?.library.shareBriefing(id);
        return { shared, team };
      },
      'briefings.share': async ({ id }) => {
        ws().briefings.get(id);
        const hub = await runningHub();
        if (!hub) throw new WarrantError('unsupported', 'Join a team first (Team view), then share the briefing.');
        const document = await (await sharing(hub)).share(id);
        // Its title block, judgements and evidence links travel too, so a teammate's list shows it.
        (await teamLibrary.active())?.library.shareBriefing(id);
        return { id, document };
      },
    },
    jobHandlers: {},
  };
}
