import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { knownMigrations, MIGRATIONS_DIR, type Migration } from './migrations';
import type { SchemaObject } from './schema-check';

/**
 * The schema all of this build's migrations produce, computed by the build (db/prebuilt-schema-writer.ts,
 * run by scripts/build-cli.mjs and scripts/build-desktop.mjs) and written beside the SQL it came from, so opening a workspace does
 * not replay every migration to know what to expect. It names the migrations it was computed
 * from by a hash of their ids and SQL: a file that does not match the migrations beside it (a
 * migration added or edited since the build, or a checkout run from its sources) is ignored and
 * the schema is replayed, so it can never be trusted stale.
 */
export interface PrebuiltSchema {
  migrationsHash: string;
  objects: SchemaObject[];
}

export const PREBUILT_SCHEMA_FILE = 'expected-schema.json';

export function migrationsHash(migrations: readonly Migration[]): string {
  const hash = createHash('sha256');
  for (const migration of migrations) hash.update(`${migration.id}\u0000${migration.sql}\u0000`);
  return hash.digest('hex');
}

/** How schema objects are told apart: SQLite names are unique per type. */
export function schemaObjectKey(object: { type: string; name: string }): string {
  return `${object.type}\u0000${object.name}`;
}

function isSchemaObject(value: unknown): value is SchemaObject {
  if (typeof value !== 'object' || value === null) return false;
  const object = value as Record<string, unknown>;
  return (
    typeof object.type === 'string' &&
    typeof object.name === 'string' &&
    typeof object.tableName === 'string' &&
    (object.sql === null || typeof object.sql === 'string')
  );
}

/** The build's schema for all known migrations, or null when there is none or it is for other migrations. */
export function loadPrebuiltSchema(
  dir: URL = MIGRATIONS_DIR,
  migrations: readonly Migration[] = knownMigrations(),
): Map<string, SchemaObject> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(new URL(PREBUILT_SCHEMA_FILE, dir), 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { migrationsHash: hash, objects } = parsed as Record<string, unknown>;
  if (hash !== migrationsHash(migrations) || !Array.isArray(objects) || !objects.every(isSchemaObject)) return null;
  return new Map(objects.map((object) => [schemaObjectKey(object), object]));
}
