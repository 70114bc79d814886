import { WarrantError } from '../../src/contract/errors';
import type { TEAM_OPERATIONS, TeamStatusAnswer } from '../../src/contract/operations/team';
import type { TeamStatus } from '../../src/team/binding';
import type { TeamService } from '../team-client/team-service';
import type { DomainHandlers, HandlerContext } from './context';

/** Joining a team, its status, and sharing the library with it; the team client does the work (main/team-client/). */
export function teamHandlers({ host, teamLibrary }: HandlerContext): DomainHandlers<typeof TEAM_OPERATIONS> {
  const service = (): TeamService => {
    const team = host.team;
    if (!team) throw new WarrantError('unsupported', 'This Warrant cannot join a team: its host runs no team client.');
    return team;
  };
  // Asking for the status also binds the library to a hub that started on its own (a binding resumed at host start).
  const answer = async (status: TeamStatus): Promise<TeamStatusAnswer> => ({
    ...status,
    libraryGeneration: await teamLibrary.generation(),
  });
  return {
    handlers: {
      'team.status': async () => (host.team ? answer(host.team.status()) : { joined: false, libraryGeneration: 0 }),
      'team.join': async (request) => {
        const status = await service().join(request);
        await teamLibrary.active();
        return answer(status);
      },
      'team.leave': async () => {
        const status = await service().leave();
        await teamLibrary.active();
        return answer(status);
      },
      'team.share': async () => {
        const active = await teamLibrary.active();
        if (!active) throw new WarrantError('invalid_input', 'Join a team before sharing the library with it.');
        if (!active.mayWrite)
          throw new WarrantError('unauthorized', 'Only analysts can share the library with the team; your role lets you read it.');
        return active.library.share();
      },
    },
    jobHandlers: {},
  };
}
