// The setup every team test repeats: a team server on 127.0.0.1 with its accounts, browser hosts
// as workbenches, and a workspace bound to the team as joining leaves it (for a host started later).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../db/workspace';
import type { WireResult } from '../../../src/contract/errors';
import type { TeamRole } from '../../../src/team/permissions';
import { Accounts } from '../../../main/team/accounts';
import { startTeamServer, type RunningTeamServer, type TeamServerOptions } from '../../../main/team/team-server';
import { runBrowserHost, type RunningBrowserHost } from '../../../main/web-host/browser-host';
import type { TempDirs } from './temp-workspace';

/** Every test account's password (long enough for the server's rules). */
export const TEAM_PASSWORD = 'a long enough password';

/** A team server with these accounts, each with TEAM_PASSWORD. */
export async function startTeam(
  dataDir: string,
  users: Readonly<Record<string, TeamRole>>,
  options: Omit<TeamServerOptions, 'dataDir'> = {},
): Promise<RunningTeamServer> {
  const server = await startTeamServer({ dataDir, ...options });
  const accounts = new Accounts(server.db);
  await Promise.all(Object.entries(users).map(([name, role]) => accounts.add(name, role, TEAM_PASSWORD)));
  return server;
}

/** A browser host serving a fresh workspace `<name>.warrant` in a folder of its own (no renderer: tests call it). */
export async function startWorkbench(temp: TempDirs, name: string): Promise<RunningBrowserHost> {
  const dir = temp.make();
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  return runBrowserHost({ workspacePath: join(dir, `${name}.warrant`), rendererDir: dir, port: 0, create: true });
}

/** What logging in gives a workbench: the session it binds its workspace with. */
export interface TeamSession {
  token: string;
  role: TeamRole;
  expiresAt: string;
}

/** Logs `user` in over HTTP, as the Team view's join does. */
export async function loginAs(serverUrl: string, user: string, password = TEAM_PASSWORD): Promise<TeamSession> {
  const response = await fetch(`${serverUrl}/login`, { method: 'POST', body: JSON.stringify({ user, password }) });
  const login = (await response.json()) as Partial<TeamSession> & { error?: string };
  if (!response.ok || !login.token || !login.role || !login.expiresAt)
    throw new Error(`${user} could not log in: ${login.error ?? response.status}`);
  return { token: login.token, role: login.role, expiresAt: login.expiresAt };
}

/** A session made on the server's own accounts, for a test whose fetch cannot reach it (a DOM's, bound by CORS). */
export async function sessionFor(server: RunningTeamServer, user: string): Promise<TeamSession> {
  const session = await new Accounts(server.db).login(user, TEAM_PASSWORD, 12);
  if (!session) throw new Error(`${user} is not an account of this team server.`);
  return { token: session.token, role: session.user.role, expiresAt: session.expiresAt };
}

/** Binds the workspace file at `path` to the team as `user`, as joining leaves it (the host started afterwards resumes it). */
export function bindWorkspace(path: string, serverUrl: string, user: string, session: TeamSession): void {
  // A file that does not exist yet is a new member's empty workspace.
  const workspace = Workspace.open(path, { create: true });
  try {
    workspace.team.bind({ serverUrl, userName: user, ...session, joinedAt: new Date().toISOString() });
  } finally {
    workspace.close();
  }
}

/** Logs `user` in and binds the workspace file at `path` to the team. */
export async function bindWorkspaceToTeam(path: string, serverUrl: string, user: string): Promise<void> {
  bindWorkspace(path, serverUrl, user, await loginAs(serverUrl, user));
}

/** Calls one operation on a workbench as its page does, and returns the wire answer (a refusal included). */
export async function attempt(host: RunningBrowserHost, name: string, input: unknown): Promise<WireResult> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/call/${name}`, {
    method: 'POST',
    headers: { 'X-Warrant-Token': host.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as WireResult;
}

/** Calls one operation on a workbench; fails the test on a refusal. */
export async function call<T>(host: RunningBrowserHost, name: string, input: unknown): Promise<T> {
  const answer = await attempt(host, name, input);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value as T;
}
