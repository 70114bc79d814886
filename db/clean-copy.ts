import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { WarrantError } from '../src/contract/errors';
import { checkSqliteHeader } from './file-check';
import { planMigrations } from './migration-plan';
import { appliedMigrations, knownMigrations } from './migrations';
import { harden, WARRANT_APPLICATION_ID } from './open-workspace';
import { removeWithSideFiles, renameIntoPlace, restrictToOwner } from './safe-files';
import { describeForeign, expectedSchema, foreignObjects, readSchema, type ForeignObject, type SchemaObject } from './schema-check';

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `case.warrant` → `case (cleaned).warrant`, then `case (cleaned 2).warrant`, … never an existing file. */
export function cleanedCopyPath(path: string): string {
  const stem = basename(path).replace(/\.warrant$/i, '');
  for (let n = 1; ; n += 1) {
    const candidate = join(dirname(path), `${stem} (cleaned${n === 1 ? '' : ` ${n}`}).warrant`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** Drop order: triggers and views first (they name tables), virtual tables before their shadow tables. */
function dropOrder(object: ForeignObject, schema: Map<string, SchemaObject>): number {
  if (object.type === 'trigger') return 0;
  if (object.type === 'view') return 1;
  if (object.type === 'index') return 2;
  const sql = schema.get(`table\u0000${object.name}`)?.sql ?? '';
  return /^CREATE VIRTUAL TABLE/i.test(sql) ? 3 : 4;
}

/**
 * Drops what is not Warrant's and puts back what was altered or removed (triggers, views and
 * indexes, from this build's own SQL). A table of ours that was changed cannot be rebuilt safely,
 * so such a file is refused rather than half-cleaned.
 */
function removeForeign(db: Database.Database, foreign: readonly ForeignObject[], expected: Map<string, SchemaObject>, label: string): void {
  const unfixable = foreign.filter((object) => object.type === 'table' && object.kind !== 'unknown');
  if (unfixable.length > 0) {
    throw new WarrantError(
      'workspace_unavailable',
      `Cannot clean ${label}: tables Warrant needs were changed or removed (${describeForeign(unfixable)}), so no cleaned copy can be trusted. The file was left untouched.`,
    );
  }
  const actual = readSchema(db);
  const toDrop = foreign.filter((object) => object.kind !== 'missing' && !object.name.startsWith('sqlite_autoindex_'));
  toDrop.sort((a, b) => dropOrder(a, actual) - dropOrder(b, actual));
  for (const object of toDrop) {
    db.exec(`DROP ${object.type.toUpperCase()} IF EXISTS ${quoteName(object.name)}`);
  }
  for (const object of foreign.filter((o) => o.kind !== 'unknown')) {
    const sql = expected.get(`${object.type}\u0000${object.name}`)?.sql;
    if (sql) db.exec(sql);
  }
}

/**
 * Writes a copy of the workspace at `path` beside it, with every schema object this build did
 * not create dropped (and ours that were altered put back), and returns the copy's path. The
 * original is only ever read; the copy appears under its name only once it checks clean.
 */
export function writeCleanedCopy(path: string, nativeBinding?: string): string {
  const absolute = resolve(path);
  const label = `“${absolute}”`;
  checkSqliteHeader(absolute, label, WARRANT_APPLICATION_ID);
  const target = cleanedCopyPath(absolute);
  const building = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.cleaning`);
  let applied: string[];
  const source = new Database(absolute, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    harden(source);
    applied = appliedMigrations(source);
    planMigrations(
      knownMigrations().map((m) => m.id),
      applied,
      label,
    );
    // VACUUM INTO writes a fresh file from the read-only connection; no trigger runs.
    source.prepare('VACUUM INTO ?').run(building);
  } catch (error) {
    removeWithSideFiles(building);
    throw cleaningFailed(error, label);
  } finally {
    source.close();
  }
  try {
    restrictToOwner(building);
    const copy = new Database(building, { nativeBinding });
    try {
      harden(copy);
      copy.pragma('foreign_keys = OFF');
      const expected = expectedSchema(applied, nativeBinding);
      copy.transaction(() => removeForeign(copy, foreignObjects(copy, applied, nativeBinding), expected, label))();
      const left = foreignObjects(copy, applied, nativeBinding);
      if (left.length > 0)
        throw new WarrantError(
          'workspace_unavailable',
          `Cannot clean ${label}: ${describeForeign(left)} could not be removed. The file was left untouched.`,
        );
      const integrity = String(copy.pragma('integrity_check(1)', { simple: true }));
      if (integrity !== 'ok')
        throw new WarrantError(
          'workspace_unavailable',
          `Cannot clean ${label}: the copy fails SQLite's integrity check (${integrity}). The file was left untouched.`,
        );
    } finally {
      copy.close();
    }
    renameIntoPlace(building, target);
    return target;
  } catch (error) {
    removeWithSideFiles(building);
    throw cleaningFailed(error, label);
  }
}

function cleaningFailed(error: unknown, label: string): WarrantError {
  if (error instanceof WarrantError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new WarrantError('workspace_unavailable', `Cannot write a cleaned copy of ${label}: ${reason}. The file was left untouched.`);
}
