import Database from 'better-sqlite3';
import { applyMigrations, knownMigrations } from './migrations';
import { loadPrebuiltSchema, schemaObjectKey } from './prebuilt-schema';

/** One row of `sqlite_schema`, as compared: its SQL with whitespace runs folded to one space. */
export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  sql: string | null;
}

/** An object in a workspace that this build's migrations did not create, or created differently. */
export interface ForeignObject {
  type: string;
  name: string;
  /** `unknown`: this build never creates it; `altered`: ours by name, but its SQL differs; `missing`: ours, removed. */
  kind: 'unknown' | 'altered' | 'missing';
}

function normalise(sql: string | null): string | null {
  return sql === null ? null : sql.replace(/\s+/g, ' ').trim();
}

export function readSchema(db: Database.Database): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema').all() as SchemaObject[];
  return new Map(rows.map((row) => [schemaObjectKey(row), { ...row, sql: normalise(row.sql) }]));
}

/**
 * Schemas this build's migrations produce, keyed by the migrations applied, each known once per
 * process (a workspace from an older build has fewer applied).
 */
const expectedByMigrations = new Map<string, Map<string, SchemaObject>>();

/** Replays the given migrations into an in-memory database and reads what they made. */
export function replaySchema(applied: readonly string[], nativeBinding?: string): Map<string, SchemaObject> {
  const db = new Database(':memory:', { nativeBinding });
  try {
    applyMigrations(db, applied);
    return readSchema(db);
  } finally {
    db.close();
  }
}

export function expectedSchema(applied: readonly string[], nativeBinding?: string): Map<string, SchemaObject> {
  const cacheKey = applied.join(',');
  const cached = expectedByMigrations.get(cacheKey);
  if (cached) return cached;
  // Replaying every migration took ~45 ms of each start; a workspace with all of this build's
  // migrations (the usual case) is checked against the schema the build computed instead.
  const allApplied =
    cacheKey ===
    knownMigrations()
      .map((m) => m.id)
      .join(',');
  const schema = (allApplied ? loadPrebuiltSchema() : null) ?? replaySchema(applied, nativeBinding);
  expectedByMigrations.set(cacheKey, schema);
  return schema;
}

/**
 * Everything in `db`'s schema that the given migrations would not have put there: extra
 * triggers, views, tables and indexes, and our own objects whose SQL was changed.
 */
export function foreignObjects(db: Database.Database, applied: readonly string[], nativeBinding?: string): ForeignObject[] {
  const expected = expectedSchema(applied, nativeBinding);
  const found: ForeignObject[] = [];
  const actual = readSchema(db);
  for (const [key, object] of actual) {
    const ours = expected.get(key);
    if (!ours) found.push({ type: object.type, name: object.name, kind: 'unknown' });
    else if (ours.sql !== object.sql || ours.tableName !== object.tableName)
      found.push({ type: object.type, name: object.name, kind: 'altered' });
  }
  for (const [key, object] of expected) {
    if (!actual.has(key)) found.push({ type: object.type, name: object.name, kind: 'missing' });
  }
  return found.sort((a, b) => schemaObjectKey(a).localeCompare(schemaObjectKey(b)));
}

/** “trigger “x” (not Warrant’s), table “y” (altered)”, for refusal messages. */
export function describeForeign(objects: readonly ForeignObject[]): string {
  const why = { unknown: 'not Warrant’s', altered: 'altered', missing: 'removed' } as const;
  return objects.map((object) => `${object.type} “${object.name}” (${why[object.kind]})`).join(', ');
}
