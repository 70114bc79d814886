// Team workbenches for end-to-end tests: one workspace file copied for each member, bound to the
// team as that member (as the Team view's join leaves it), each served by a host process of its own.
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bindWorkspaceToTeam } from '../../integration/helpers/team-setup';
import { startHostProcess, type HostProcess } from './host-process';

export { bindWorkspaceToTeam, startTeam, TEAM_PASSWORD } from '../../integration/helpers/team-setup';

/** `<user>.warrant` beside `original` for each user, bound to the team at `serverUrl`, and a host on each (in the users' order). */
export async function startTeamWorkbenches(original: string, serverUrl: string, users: readonly string[]): Promise<HostProcess[]> {
  const paths = users.map((user) => join(dirname(original), `${user}.warrant`));
  for (const [index, user] of users.entries()) {
    const path = paths[index] as string;
    copyFileSync(original, path);
    await bindWorkspaceToTeam(path, serverUrl, user);
  }
  return Promise.all(paths.map((path) => startHostProcess(path)));
}
