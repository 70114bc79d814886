// What the workbench knows of the team it joined, and how its connection stands. Pure, so the
// contract, the host and the page describe a team in the same terms.
import { z } from 'zod';
import { TEAM_ROLES, type TeamRole } from './permissions';

/** The binding as the host keeps it; the token never leaves the host. */
export interface TeamBinding {
  /** http(s)://host:port of the team server (its login and blob routes; ws(s) for documents). */
  serverUrl: string;
  userName: string;
  role: TeamRole;
  token: string;
  expiresAt: string;
  joinedAt: string;
}

export const TEAM_CONNECTION_STATES = ['connected', 'syncing', 'offline'] as const;
export type TeamConnectionState = (typeof TEAM_CONNECTION_STATES)[number];

/** What the page may know: the binding without its token, and the connection's state. */
export const TeamStatusSchema = z.discriminatedUnion('joined', [
  z.object({ joined: z.literal(false) }),
  z.object({
    joined: z.literal(true),
    serverUrl: z.string(),
    userName: z.string(),
    role: z.enum(TEAM_ROLES),
    state: z.enum(TEAM_CONNECTION_STATES),
    /** Changes made here that the team server has not acknowledged yet. */
    waiting: z.number().int().nonnegative(),
    /** Why the server refused this workbench (an expired session, a revoked account), if it did. */
    refusal: z.string().nullable(),
  }),
]);
export type TeamStatus = z.infer<typeof TeamStatusSchema>;

/** `http://host:port` → `ws://host:port` (and https → wss), the address documents sync over. */
export function documentSocketUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}

/**
 * What the analyst typed as the server's address, as an http(s) URL with no path; null when it
 * cannot be one. A bare `host:port` means http, the way the team server prints its address.
 */
export function normaliseServerUrl(typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme.replace(/^ws(s?):/i, 'http$1:'));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}
