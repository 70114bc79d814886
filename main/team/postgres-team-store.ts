// The team store in PostgreSQL (`warrant team-server --postgres URL`): the same tables as the
// SQLite file (team-database.ts), created on first start. Several nodes may share one database:
// schema steps and document compactions take advisory locks, and a compaction removes only the
// journal rows it folded.
import pg from 'pg';
import { BatchedInsert } from './postgres-batch';
import { auditWhere } from './sqlite-team-store';
import { POSTGRES_SCHEMA_STEPS } from './team-database';
import {
  TeamStoreError,
  type AuditFilter,
  type AuditRow,
  type FoldDocument,
  type SessionRow,
  type StoredDocument,
  type TeamStore,
  type UserRow,
} from './team-store';

/** How long to wait for PostgreSQL to accept a connection before saying it cannot be reached. */
const CONNECT_TIMEOUT_MS = 10_000;

interface Where {
  user: string;
  host: string;
  port: string;
  database: string;
}

/** Where a URL points, without its password; refuses what is not a PostgreSQL URL. */
export function postgresAddress(url: string): Where {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed === null || (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:'))
    throw new TeamStoreError('--postgres must be a URL such as postgres://warrant@127.0.0.1:5432/warrant_team.');
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || process.env.USER || 'postgres';
  return {
    user,
    host: parsed.hostname || 'localhost',
    port: parsed.port || '5432',
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user,
  };
}

function describe(where: Where): string {
  return `PostgreSQL ${where.user}@${where.host}:${where.port}/${where.database}`;
}

/** A PostgreSQL or network error, said in the words of the person who started the server. */
export function explainPostgresError(error: unknown, where: Where): TeamStoreError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const at = `${where.host}:${where.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return new TeamStoreError(`Could not reach PostgreSQL at ${at} (connection refused): is it running, and is that its address?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TeamStoreError(`Could not find the PostgreSQL host “${where.host}”.`);
    case '28P01':
    case '28000':
      return new TeamStoreError(`PostgreSQL at ${at} refused user “${where.user}”: ${message}.`);
    case '3D000':
      return new TeamStoreError(`PostgreSQL at ${at} has no database “${where.database}”: create it first (createdb ${where.database}).`);
    case '42501':
      return new TeamStoreError(`PostgreSQL user “${where.user}” may not create the team tables in “${where.database}”: ${message}.`);
  }
  if (/timeout/i.test(message)) return new TeamStoreError(`PostgreSQL at ${at} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s.`);
  return new TeamStoreError(`${describe(where)}: ${message}`);
}

/** Runs `work` in one transaction on one connection of the pool. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Brings the database's tables up to date; one node at a time when several start together. */
async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('warrant-team-schema'))");
    await client.query('CREATE TABLE IF NOT EXISTS warrant_team_schema (version INTEGER NOT NULL)');
    const found = await client.query<{ version: number }>('SELECT version FROM warrant_team_schema');
    let version = found.rows[0]?.version ?? 0;
    if (found.rows.length === 0) await client.query('INSERT INTO warrant_team_schema (version) VALUES (0)');
    if (version > POSTGRES_SCHEMA_STEPS.length)
      throw new TeamStoreError(`This team database was written by a newer Warrant (schema ${version}); upgrade Warrant to use it.`);
    for (; version < POSTGRES_SCHEMA_STEPS.length; version++) {
      await client.query(POSTGRES_SCHEMA_STEPS[version] ?? '');
      await client.query('UPDATE warrant_team_schema SET version = $1', [version + 1]);
    }
  });
}

export class PostgresTeamStore implements TeamStore {
  readonly description: string;
  private readonly audit: BatchedInsert<AuditRow>;
  private readonly journal: BatchedInsert<{ name: string; update: Uint8Array }>;

  private constructor(
    private readonly pool: pg.Pool,
    where: Where,
  ) {
    this.description = describe(where);
    this.audit = new BatchedInsert(pool, 'audit', ['at', 'user_name', 'event', 'document', 'bytes', 'detail'], (row) => [
      row.at,
      row.user_name,
      row.event,
      row.document,
      row.bytes,
      row.detail,
    ]);
    this.journal = new BatchedInsert(pool, 'document_journal', ['name', 'update_bytes'], (row) => [row.name, Buffer.from(row.update)]);
  }

  /** Connects, creates or updates the tables, and says clearly why when it cannot. */
  static async open(url: string, log: (line: string) => void): Promise<PostgresTeamStore> {
    const where = postgresAddress(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: 8,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'warrant-team-server',
    });
    // An idle connection dropped by the server (a restart) must not end the process; the next query reconnects.
    pool.on('error', (error) => log(`${describe(where)}: a connection was lost (${error.message}); reconnecting when needed.`));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error instanceof TeamStoreError ? error : explainPostgresError(error, where);
    }
    return new PostgresTeamStore(pool, where);
  }

  async insertUser(row: UserRow): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING',
      [row.name, row.role, row.password_hash, row.created_at],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async listUsers(): Promise<UserRow[]> {
    return (await this.pool.query<UserRow>('SELECT name, role, password_hash, created_at FROM users ORDER BY name')).rows;
  }

  async findUser(name: string): Promise<UserRow | null> {
    const result = await this.pool.query<UserRow>('SELECT name, role, password_hash, created_at FROM users WHERE name = $1', [name]);
    return result.rows[0] ?? null;
  }

  async deleteUser(name: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM users WHERE name = $1', [name])).rowCount ?? 0) > 0;
  }

  async setUserRole(name: string, role: string): Promise<boolean> {
    return ((await this.pool.query('UPDATE users SET role = $1 WHERE name = $2', [role, name])).rowCount ?? 0) > 0;
  }

  async setUserPassword(name: string, passwordHash: string): Promise<boolean> {
    return ((await this.pool.query('UPDATE users SET password_hash = $1 WHERE name = $2', [passwordHash, name])).rowCount ?? 0) > 0;
  }

  async insertSession(row: { token_hash: string; user_name: string; created_at: string; expires_at: string }): Promise<void> {
    await this.pool.query('INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      row.token_hash,
      row.user_name,
      row.created_at,
      row.expires_at,
    ]);
  }

  async sessionByTokenHash(tokenHash: string): Promise<SessionRow | null> {
    const result = await this.pool.query<SessionRow>(
      `SELECT s.expires_at, s.revoked_at, u.name, u.role, u.created_at, u.password_hash
         FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_hash = $1`,
      [tokenHash],
    );
    return result.rows[0] ?? null;
  }

  async revokeSession(tokenHash: string, at: string): Promise<boolean> {
    const result = await this.pool.query('UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL', [
      at,
      tokenHash,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async revokeUserSessions(userName: string, at: string): Promise<number> {
    const result = await this.pool.query('UPDATE sessions SET revoked_at = $1 WHERE user_name = $2 AND revoked_at IS NULL', [at, userName]);
    return result.rowCount ?? 0;
  }

  appendAudit(row: AuditRow): Promise<void> {
    return this.audit.add(row);
  }

  async queryAudit(filter: AuditFilter): Promise<AuditRow[]> {
    await this.audit.settled();
    const { where, values } = auditWhere(filter, (position) => `$${position}`);
    const sql = `SELECT at, user_name, event, document, bytes, detail FROM audit ${where} ORDER BY id DESC LIMIT $${values.length + 1}`;
    return (await this.pool.query<AuditRow>(sql, [...values, filter.limit])).rows;
  }

  async loadDocument(name: string): Promise<StoredDocument> {
    const [state, journal] = await Promise.all([
      this.pool.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1', [name]),
      this.pool.query<{ update_bytes: Buffer }>('SELECT update_bytes FROM document_journal WHERE name = $1 ORDER BY id', [name]),
    ]);
    return { state: state.rows[0]?.state ?? null, updates: journal.rows.map((row) => row.update_bytes) };
  }

  appendUpdate(name: string, update: Uint8Array): Promise<void> {
    return this.journal.add({ name, update });
  }

  compactDocument(name: string, fold: FoldDocument): Promise<Uint8Array> {
    return inTransaction(this.pool, async (client) => {
      // Two nodes compacting one document would each overwrite the other's state: one at a time.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('warrant-team-document:' || $1))", [name]);
      const stored = await client.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1', [name]);
      const journal = await client.query<{ id: string; update_bytes: Buffer }>(
        'SELECT id, update_bytes FROM document_journal WHERE name = $1 ORDER BY id',
        [name],
      );
      const state = fold({ state: stored.rows[0]?.state ?? null, updates: journal.rows.map((row) => row.update_bytes) });
      await client.query(
        `INSERT INTO documents (name, state, stored_at) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, stored_at = excluded.stored_at`,
        [name, Buffer.from(state), new Date().toISOString()],
      );
      // By id, not by name: a row committed after the read above was not folded and must stay.
      await client.query('DELETE FROM document_journal WHERE id = ANY($1::bigint[])', [journal.rows.map((row) => row.id)]);
      return state;
    });
  }

  async close(): Promise<void> {
    await Promise.all([this.audit.settled(), this.journal.settled()]);
    await this.pool.end();
  }
}
