import { readdirSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

/** Where the numbered SQL files live; migrations are data, never imports of live app code. */
export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const MIGRATION_FILE = /^(\d{8}T\d{6}_[a-z0-9_]+)\.sql$/;

export const MIGRATIONS_TABLE = 'warrant_migrations';

export interface Migration {
  readonly id: string;
  readonly sql: string;
}

let cached: Migration[] | undefined;

/** Every migration this build knows, in the order their timestamped names give. */
export function knownMigrations(): readonly Migration[] {
  cached ??= readdirSync(MIGRATIONS_DIR)
    .map((file) => MIGRATION_FILE.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ id: match[1] ?? '', sql: readFileSync(new URL(match[0], MIGRATIONS_DIR), 'utf8') }))
    // Plain code-unit order: the ids are ASCII timestamps, and localeCompare would load ICU's collator at start.
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return cached;
}

export function appliedMigrations(db: Database.Database): string[] {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (table === undefined) return [];
  return db
    .prepare(`SELECT id FROM ${MIGRATIONS_TABLE} ORDER BY id`)
    .pluck()
    .all()
    .map((id) => String(id));
}

/** Applies the given migrations in order, each in its own transaction with its record. */
export function applyMigrations(db: Database.Database, pending: readonly string[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`);
  const byId = new Map(knownMigrations().map((migration) => [migration.id, migration]));
  const record = db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (id, applied_at) VALUES (?, ?)`);
  for (const id of pending) {
    const migration = byId.get(id);
    if (!migration) throw new Error(`Unknown migration ${id}`);
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(id, new Date().toISOString());
    })();
  }
}
