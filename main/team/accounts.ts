// User accounts and login sessions of a team server. Session tokens are random, kept only as
// their SHA-256 (a copied file holds no live session), expire, and can be revoked.
import { createHash, randomBytes } from 'node:crypto';
import { isTeamRole, type TeamRole } from '../../src/team/permissions';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import type { TeamDatabase } from './team-database';

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

interface UserRow {
  name: string;
  role: string;
  created_at: string;
  password_hash: string;
}

function userFrom(row: UserRow): TeamUser {
  if (!isTeamRole(row.role)) throw new Error(`User “${row.name}” has an unknown role “${row.role}”.`);
  return { name: row.name, role: row.role, createdAt: row.created_at };
}

export class Accounts {
  /** Prepared once: the guard looks the session up at every message a connection sends. */
  private readonly sessionLookup;

  constructor(
    private readonly db: TeamDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sessionLookup = db.prepare<[string], UserRow & { expires_at: string; revoked_at: string | null }>(
      `SELECT s.expires_at, s.revoked_at, u.name, u.role, u.created_at, u.password_hash
         FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = ?`,
    );
  }

  async add(name: string, role: string, password: string): Promise<TeamUser> {
    if (!USER_NAME.test(name)) throw new AccountError('A user name has 1 to 64 letters, digits or . _ @ - and no spaces.');
    if (!isTeamRole(role)) throw new AccountError(`The role must be analyst, reviewer or reader, not “${role}”.`);
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(problem);
    if (this.find(name)) throw new AccountError(`There is already a user “${name}”.`);
    const hash = await hashPassword(password);
    const createdAt = this.now().toISOString();
    this.db.prepare('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)').run(name, role, hash, createdAt);
    return { name, role, createdAt };
  }

  list(): TeamUser[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(userFrom);
  }

  find(name: string): TeamUser | null {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    return row ? userFrom(row) : null;
  }

  /** Removing a user ends their sessions at once (cascade); their audit rows stay. */
  remove(name: string): void {
    if (this.db.prepare('DELETE FROM users WHERE name = ?').run(name).changes === 0) throw new AccountError(`There is no user “${name}”.`);
  }

  setRole(name: string, role: string): TeamUser {
    if (!isTeamRole(role)) throw new AccountError(`The role must be analyst, reviewer or reader, not “${role}”.`);
    if (this.db.prepare('UPDATE users SET role = ? WHERE name = ?').run(role, name).changes === 0)
      throw new AccountError(`There is no user “${name}”.`);
    const user = this.find(name);
    if (!user) throw new AccountError(`There is no user “${name}”.`);
    return user;
  }

  async setPassword(name: string, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(problem);
    const hash = await hashPassword(password);
    if (this.db.prepare('UPDATE users SET password_hash = ? WHERE name = ?').run(hash, name).changes === 0)
      throw new AccountError(`There is no user “${name}”.`);
    this.revokeAll(name);
  }

  /** Checks the password and opens a session; `null` for a wrong name or password alike. */
  async login(name: string, password: string, hours: number): Promise<Session | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    const matches = await verifyPassword(password, row?.password_hash ?? null);
    if (!row || !matches) return null;
    const token = `wts_${randomBytes(32).toString('base64url')}`;
    const created = this.now();
    const expiresAt = new Date(created.getTime() + hours * 3_600_000).toISOString();
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(tokenHash(token), row.name, created.toISOString(), expiresAt);
    return { token, user: userFrom(row), expiresAt };
  }

  /** The live session's user, or why there is none. The role is read now, so a changed role applies at the next connection. */
  userForToken(token: string): { user: TeamUser } | { refused: 'unknown' | 'expired' | 'revoked' } {
    const row = this.sessionLookup.get(tokenHash(token));
    if (!row) return { refused: 'unknown' };
    if (row.revoked_at !== null) return { refused: 'revoked' };
    if (Date.parse(row.expires_at) <= this.now().getTime()) return { refused: 'expired' };
    return { user: userFrom(row) };
  }

  revoke(token: string): boolean {
    return (
      this.db
        .prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
        .run(this.now().toISOString(), tokenHash(token)).changes > 0
    );
  }

  /** Ends every session of `name`; returns how many were live. */
  revokeAll(name: string): number {
    return this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE user_name = ? AND revoked_at IS NULL')
      .run(this.now().toISOString(), name).changes;
  }
}
