// The default team store: the server's SQLite file (team-database.ts). better-sqlite3 is
// synchronous, so every write is on disk when its promise is made; the promises only give the
// server one interface for both backends.
import { openTeamDatabase, type TeamDatabase } from './team-database';
import type { AuditFilter, AuditRow, FoldDocument, SessionRow, StoredDocument, TeamStore, UserRow } from './team-store';

export class SqliteTeamStore implements TeamStore {
  readonly description: string;
  /** Prepared once: the guard looks the session up at every change a connection sends. */
  private readonly statements;

  private constructor(
    /** The file itself, for tests that set a row by hand (an expired session). */
    readonly database: TeamDatabase,
    dataDir: string,
  ) {
    this.description = `data: ${dataDir}`;
    this.statements = {
      session: database.prepare<[string], SessionRow>(
        `SELECT s.expires_at, s.revoked_at, u.name, u.role, u.created_at, u.password_hash
           FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = ?`,
      ),
      audit: database.prepare('INSERT INTO audit (at, user_name, event, document, bytes, detail) VALUES (?, ?, ?, ?, ?, ?)'),
      state: database.prepare<[string], Buffer>('SELECT state FROM documents WHERE name = ?').pluck(),
      journal: database.prepare<[string], { id: number; update_bytes: Buffer }>(
        'SELECT id, update_bytes FROM document_journal WHERE name = ? ORDER BY id',
      ),
      append: database.prepare('INSERT INTO document_journal (name, update_bytes) VALUES (?, ?)'),
    };
  }

  static open(dataDir: string): SqliteTeamStore {
    return new SqliteTeamStore(openTeamDatabase(dataDir), dataDir);
  }

  async insertUser(row: UserRow): Promise<boolean> {
    const insert = this.database.prepare(
      'INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING',
    );
    return insert.run(row.name, row.role, row.password_hash, row.created_at).changes > 0;
  }

  async listUsers(): Promise<UserRow[]> {
    return this.database.prepare<[], UserRow>('SELECT name, role, password_hash, created_at FROM users ORDER BY name').all();
  }

  async findUser(name: string): Promise<UserRow | null> {
    return (
      this.database.prepare<[string], UserRow>('SELECT name, role, password_hash, created_at FROM users WHERE name = ?').get(name) ?? null
    );
  }

  async deleteUser(name: string): Promise<boolean> {
    return this.database.prepare('DELETE FROM users WHERE name = ?').run(name).changes > 0;
  }

  async setUserRole(name: string, role: string): Promise<boolean> {
    return this.database.prepare('UPDATE users SET role = ? WHERE name = ?').run(role, name).changes > 0;
  }

  async setUserPassword(name: string, passwordHash: string): Promise<boolean> {
    return this.database.prepare('UPDATE users SET password_hash = ? WHERE name = ?').run(passwordHash, name).changes > 0;
  }

  async insertSession(row: { token_hash: string; user_name: string; created_at: string; expires_at: string }): Promise<void> {
    this.database
      .prepare('INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(row.token_hash, row.user_name, row.created_at, row.expires_at);
  }

  async sessionByTokenHash(tokenHash: string): Promise<SessionRow | null> {
    return this.statements.session.get(tokenHash) ?? null;
  }

  async revokeSession(tokenHash: string, at: string): Promise<boolean> {
    return (
      this.database.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(at, tokenHash).changes > 0
    );
  }

  async revokeUserSessions(userName: string, at: string): Promise<number> {
    return this.database.prepare('UPDATE sessions SET revoked_at = ? WHERE user_name = ? AND revoked_at IS NULL').run(at, userName).changes;
  }

  async appendAudit(row: AuditRow): Promise<void> {
    this.statements.audit.run(row.at, row.user_name, row.event, row.document, row.bytes, row.detail);
  }

  async queryAudit(filter: AuditFilter): Promise<AuditRow[]> {
    const { where, values } = auditWhere(filter, () => '?');
    const sql = `SELECT at, user_name, event, document, bytes, detail FROM audit ${where} ORDER BY id DESC LIMIT ?`;
    return this.database.prepare<(string | number)[], AuditRow>(sql).all(...values, filter.limit);
  }

  async loadDocument(name: string): Promise<StoredDocument> {
    return {
      state: this.statements.state.get(name) ?? null,
      updates: this.statements.journal.all(name).map((row) => row.update_bytes),
    };
  }

  async appendUpdate(name: string, update: Uint8Array): Promise<void> {
    this.statements.append.run(name, update);
  }

  async compactDocument(name: string, fold: FoldDocument): Promise<Uint8Array> {
    // IMMEDIATE: another process on the same file (a second node) waits rather than writing between the read and the delete.
    return this.database
      .transaction(() => {
        const rows = this.statements.journal.all(name);
        const state = fold({ state: this.statements.state.get(name) ?? null, updates: rows.map((row) => row.update_bytes) });
        this.database
          .prepare(
            `INSERT INTO documents (name, state, stored_at) VALUES (?, ?, ?)
               ON CONFLICT (name) DO UPDATE SET state = excluded.state, stored_at = excluded.stored_at`,
          )
          .run(name, state, new Date().toISOString());
        // Inside the write lock no row can have been added since the read: every id up to the last read is folded.
        const last = rows.at(-1)?.id ?? 0;
        this.database.prepare('DELETE FROM document_journal WHERE name = ? AND id <= ?').run(name, last);
        return state;
      })
      .immediate();
  }

  async close(): Promise<void> {
    this.database.close();
  }
}

/** The WHERE clause of an audit query, with the dialect's placeholders (`?` or `$n`). */
export function auditWhere(filter: AuditFilter, placeholder: (position: number) => string): { where: string; values: string[] } {
  const filters: [string, string | undefined][] = [
    ['user_name', filter.user],
    ['document', filter.document],
    ['event', filter.event],
  ];
  const clauses: string[] = [];
  const values: string[] = [];
  for (const [column, value] of filters) {
    if (value === undefined) continue;
    values.push(value);
    clauses.push(`${column} = ${placeholder(values.length)}`);
  }
  if (filter.since !== undefined) {
    values.push(filter.since);
    clauses.push(`at >= ${placeholder(values.length)}`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}
