// User accounts and login sessions of a team server. Session tokens are random, kept only as
// their SHA-256 (a copied file holds no live session), expire, and can be revoked.
import { createHash, randomBytes } from 'node:crypto';
import { isTeamRole, type TeamRole } from '../../src/team/permissions';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import type { TeamStore, UserRow } from './team-store';

export interface TeamUser {
  name: string;
  role: TeamRole;
  createdAt: string;
}

export interface Session {
  token: string;
  user: TeamUser;
  expiresAt: string;
}

/** A refusal whose message is meant for the person at the keyboard (CLI or login form). */
export class AccountError extends Error {}

const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function userFrom(row: UserRow): TeamUser {
  if (!isTeamRole(row.role)) throw new Error(`User “${row.name}” has an unknown role “${row.role}”.`);
  return { name: row.name, role: row.role, createdAt: row.created_at };
}

export class Accounts {
  constructor(
    private readonly store: TeamStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(name: string, role: string, password: string): Promise<TeamUser> {
    if (!USER_NAME.test(name)) throw new AccountError('A user name has 1 to 64 letters, digits or . _ @ - and no spaces.');
    if (!isTeamRole(role)) throw new AccountError(`The role must be analyst, reviewer or reader, not “${role}”.`);
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(problem);
    if (await this.find(name)) throw new AccountError(`There is already a user “${name}”.`);
    const hash = await hashPassword(password);
    const createdAt = this.now().toISOString();
    // Checked again by the insert: another process may have added the name while the hash was computed.
    if (!(await this.store.insertUser({ name, role, password_hash: hash, created_at: createdAt })))
      throw new AccountError(`There is already a user “${name}”.`);
    return { name, role, createdAt };
  }

  async list(): Promise<TeamUser[]> {
    return (await this.store.listUsers()).map(userFrom);
  }

  async find(name: string): Promise<TeamUser | null> {
    const row = await this.store.findUser(name);
    return row ? userFrom(row) : null;
  }

  /** Removing a user ends their sessions at once (cascade); their audit rows stay. */
  async remove(name: string): Promise<void> {
    if (!(await this.store.deleteUser(name))) throw new AccountError(`There is no user “${name}”.`);
  }

  async setRole(name: string, role: string): Promise<TeamUser> {
    if (!isTeamRole(role)) throw new AccountError(`The role must be analyst, reviewer or reader, not “${role}”.`);
    if (!(await this.store.setUserRole(name, role))) throw new AccountError(`There is no user “${name}”.`);
    const user = await this.find(name);
    if (!user) throw new AccountError(`There is no user “${name}”.`);
    return user;
  }

  async setPassword(name: string, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(problem);
    const hash = await hashPassword(password);
    if (!(await this.store.setUserPassword(name, hash))) throw new AccountError(`There is no user “${name}”.`);
    await this.revokeAll(name);
  }

  /** Checks the password and opens a session; `null` for a wrong name or password alike. */
  async login(name: string, password: string, hours: number): Promise<Session | null> {
    const row = await this.store.findUser(name);
    const matches = await verifyPassword(password, row?.password_hash ?? null);
    if (!row || !matches) return null;
    const token = `wts_${randomBytes(32).toString('base64url')}`;
    const created = this.now();
    const expiresAt = new Date(created.getTime() + hours * 3_600_000).toISOString();
    await this.store.insertSession({
      token_hash: tokenHash(token),
      user_name: row.name,
      created_at: created.toISOString(),
      expires_at: expiresAt,
    });
    return { token, user: userFrom(row), expiresAt };
  }

  /** The live session's user, or why there is none. The role is read now, so a changed role applies at the next connection. */
  async userForToken(token: string): Promise<{ user: TeamUser } | { refused: 'unknown' | 'expired' | 'revoked' }> {
    const row = await this.store.sessionByTokenHash(tokenHash(token));
    if (!row) return { refused: 'unknown' };
    if (row.revoked_at !== null) return { refused: 'revoked' };
    if (Date.parse(row.expires_at) <= this.now().getTime()) return { refused: 'expired' };
    return { user: userFrom(row) };
  }

  revoke(token: string): Promise<boolean> {
    return this.store.revokeSession(tokenHash(token), this.now().toISOString());
  }

  /** Ends every session of `name`; returns how many were live. */
  revokeAll(name: string): Promise<number> {
    return this.store.revokeUserSessions(name, this.now().toISOString());
  }
}
