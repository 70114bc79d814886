// What a team server keeps, behind one interface with two backends: a SQLite file in the data
// folder (the default, sqlite-team-store.ts) or a PostgreSQL database (`--postgres`,
// postgres-team-store.ts). Both hold the same tables (team-database.ts). Every method is async
// so that the server code is the same for both; the SQLite backend answers at once.

export interface UserRow {
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

export interface SessionRow extends UserRow {
  expires_at: string;
  revoked_at: string | null;
}

export interface AuditRow {
  at: string;
  user_name: string | null;
  event: string;
  document: string | null;
  bytes: number | null;
  detail: string | null;
}

/** Filters of an audit query; every one given must match. */
export interface AuditFilter {
  user?: string;
  document?: string;
  event?: string;
  /** ISO time; only entries at or after it. */
  since?: string;
  limit: number;
}

export interface StoredDocument {
  state: Uint8Array | null;
  /** The journal: updates appended since the state was last written, oldest first. */
  updates: Uint8Array[];
}

/**
 * Builds a document's new stored state from what the store holds (its state and journal) at the
 * moment of compaction; the result must contain all of it.
 */
export type FoldDocument = (stored: StoredDocument) => Uint8Array;

export interface TeamStore {
  /** Where the data lives, for the server's banner and its errors (never a password). */
  readonly description: string;

  /** False when a user of that name already exists. */
  insertUser(row: UserRow): Promise<boolean>;
  listUsers(): Promise<UserRow[]>;
  findUser(name: string): Promise<UserRow | null>;
  /** Ends the user's sessions with it; their audit rows stay. False when there is no such user. */
  deleteUser(name: string): Promise<boolean>;
  setUserRole(name: string, role: string): Promise<boolean>;
  setUserPassword(name: string, passwordHash: string): Promise<boolean>;

  insertSession(row: { token_hash: string; user_name: string; created_at: string; expires_at: string }): Promise<void>;
  sessionByTokenHash(tokenHash: string): Promise<SessionRow | null>;
  /** Marks one live session revoked; false when it was unknown or already revoked. */
  revokeSession(tokenHash: string, at: string): Promise<boolean>;
  /** Marks every live session of a user revoked; returns how many were live. */
  revokeUserSessions(userName: string, at: string): Promise<number>;

  /**
   * Resolves once the row is stored; rows are stored in the order they were appended. Not awaited
   * by the server (an audit row never holds up an answer), so with PostgreSQL a process killed
   * with SIGKILL may lose its last few milliseconds of audit rows, never a journaled change.
   */
  appendAudit(row: AuditRow): Promise<void>;
  /** Newest first; sees every row appended through this store before the call (another process's rows once it has written them). */
  queryAudit(filter: AuditFilter): Promise<AuditRow[]>;

  loadDocument(name: string): Promise<StoredDocument>;
  /** Resolves only once the update is durable: the server acknowledges it to its sender after that. */
  appendUpdate(name: string, update: Uint8Array): Promise<void>;
  /**
   * Replaces the stored state with `fold(what is stored)` and removes the journal rows it read, in
   * one transaction: rows appended meanwhile (by this node or another sharing the store) stay.
   * Returns the new state.
   */
  compactDocument(name: string, fold: FoldDocument): Promise<Uint8Array>;

  close(): Promise<void>;
}

/** A store that cannot be opened or used, with a message meant for the person who started the server. */
export class TeamStoreError extends Error {}

export interface TeamStoreOptions {
  /** The server's folder: the SQLite file lives there (and the blob store, whatever the backend). */
  dataDir: string;
  /** A PostgreSQL URL; without it the store is the SQLite file in `dataDir`. */
  postgres?: string;
  /** Where trouble found after opening is reported (a dropped PostgreSQL connection). */
  log?: (line: string) => void;
}

/** Opens the store the options name, creating its tables when they are missing. */
export async function openTeamStore(options: TeamStoreOptions): Promise<TeamStore> {
  if (options.postgres === undefined) {
    const { SqliteTeamStore } = await import('./sqlite-team-store');
    return SqliteTeamStore.open(options.dataDir);
  }
  // Loaded only when asked for, so a SQLite server never loads `pg`.
  const { PostgresTeamStore } = await import('./postgres-team-store');
  return PostgresTeamStore.open(options.postgres, options.log ?? (() => undefined));
}
