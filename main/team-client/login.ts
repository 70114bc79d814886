// Logging in to a team server: the one call the workbench makes before it holds a token.
import { isTeamRole, type TeamRole } from '../../src/team/permissions';
import { WarrantError } from '../../src/contract/errors';

export interface TeamLogin {
  token: string;
  userName: string;
  role: TeamRole;
  expiresAt: string;
}

/** Fails fast: a login that hangs is worse than one that says the server cannot be reached. */
const LOGIN_TIMEOUT_MS = 10_000;

function loginAnswer(body: unknown): TeamLogin | null {
  if (typeof body !== 'object' || body === null) return null;
  const { token, user, role, expiresAt } = body as Record<string, unknown>;
  if (typeof token !== 'string' || typeof user !== 'string' || typeof role !== 'string' || typeof expiresAt !== 'string') return null;
  return isTeamRole(role) ? { token, userName: user, role, expiresAt } : null;
}

/** POST /login of the team server at `serverUrl` (http(s)://host:port), with errors an analyst can act on. */
export async function loginToTeamServer(serverUrl: string, user: string, password: string): Promise<TeamLogin> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user, password }),
      signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
    });
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? 'it did not answer within 10 seconds' : 'nothing answered there';
    throw new WarrantError(
      'unsupported',
      `Could not reach a team server at ${serverUrl}: ${why}. Check the address and that the server is running.`,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 401) throw new WarrantError('invalid_input', 'Wrong user name or password.');
  if (response.status === 429)
    throw new WarrantError('invalid_input', 'Too many failed logins for this user; wait a minute and try again.');
  const login = response.ok ? loginAnswer(body) : null;
  if (!login) throw new WarrantError('invalid_input', `${serverUrl} did not answer as a Warrant team server (HTTP ${response.status}).`);
  return login;
}
