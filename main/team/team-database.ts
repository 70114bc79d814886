// The team server's own tables: accounts, sessions, the audit log and the Yjs documents. By
// default in one SQLite file per server (DIR/team-server.sqlite), so that one online backup holds
// everything; with `--postgres`, the same tables in a PostgreSQL database. The two step lists move
// in lockstep: a step added to one is added to the other (tests/integration/team-postgres.test.ts
// compares the tables and columns both make).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TeamStoreError } from './team-store';

export type TeamDatabase = Database.Database;

export const TEAM_DATABASE_FILE = 'team-server.sqlite';

/** Each entry moves the file one version up; `PRAGMA user_version` says how far a file has come. */
const SQLITE_SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE users (
     name TEXT PRIMARY KEY,
     role TEXT NOT NULL CHECK (role IN ('analyst', 'reviewer', 'reader')),
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT
   ) STRICT;
   CREATE INDEX sessions_by_user ON sessions(user_name);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     user_name TEXT,
     event TEXT NOT NULL,
     document TEXT,
     bytes INTEGER,
     detail TEXT
   ) STRICT;
   CREATE INDEX audit_by_time ON audit(at);
   CREATE TABLE documents (
     name TEXT PRIMARY KEY,
     state BLOB NOT NULL,
     stored_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE document_journal (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL,
     update_bytes BLOB NOT NULL
   ) STRICT;
   CREATE INDEX journal_by_document ON document_journal(name, id);`,
];

/**
 * The same tables in PostgreSQL: times stay ISO text and ids are identities, so rows read the same
 * from either backend. The version a database has reached is in `warrant_team_schema`.
 */
export const POSTGRES_SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE users (
     name TEXT PRIMARY KEY,
     role TEXT NOT NULL CHECK (role IN ('analyst', 'reviewer', 'reader')),
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX sessions_by_user ON sessions(user_name);
   CREATE TABLE audit (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at TEXT NOT NULL,
     user_name TEXT,
     event TEXT NOT NULL,
     document TEXT,
     bytes INTEGER,
     detail TEXT
   );
   CREATE INDEX audit_by_time ON audit(at);
   CREATE TABLE documents (
     name TEXT PRIMARY KEY,
     state BYTEA NOT NULL,
     stored_at TEXT NOT NULL
   );
   CREATE TABLE document_journal (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     name TEXT NOT NULL,
     update_bytes BYTEA NOT NULL
   );
   CREATE INDEX journal_by_document ON document_journal(name, id);`,
];

/** Opens (creating when needed) the server file in `dataDir` and brings its schema up to date. */
export function openTeamDatabase(dataDir: string): TeamDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, TEAM_DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed write survives the server process being killed (the journal
  // is what makes an acknowledged update durable, see document-persistence.ts); a power cut may
  // lose the last moments, which the clients still hold and send again on reconnect.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SQLITE_SCHEMA_STEPS.length) {
    db.close();
    throw new TeamStoreError(`This team server file was written by a newer Warrant (schema ${version}); upgrade Warrant to open it.`);
  }
  for (let step = version; step < SQLITE_SCHEMA_STEPS.length; step++) {
    db.transaction(() => {
      db.exec(SQLITE_SCHEMA_STEPS[step] ?? '');
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
  return db;
}
