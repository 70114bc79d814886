import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { WarrantError } from '../src/contract/warrant-error';
import { checkSqliteHeader } from './file-check';
import { planMigrations } from './migration-plan';
import { restrictToOwner } from './safe-files';
import { appliedMigrations, applyMigrations, knownMigrations } from './migrations';
import { describeForeign, foreignObjects } from './schema-check';

/** 'WRNT' as a 32-bit integer, stamped into every workspace's header (PRAGMA application_id). */
export const WARRANT_APPLICATION_ID = 0x57524e54;

export interface OpenOptions {
  /** Create an empty workspace when the file does not exist (default false). */
  create?: boolean;
  /** Path of a better-sqlite3 binary built for this runtime (the desktop app's Electron ABI). */
  nativeBinding?: string;
}

function labelFor(path: string): string {
  return `“${path}”`;
}

function isSqliteError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return typeof error.code === 'string' && error.code.startsWith('SQLITE_');
}

/**
 * Inspects an existing file without writing to it: header, application id, migrations.
 * Returns the migrations still to apply, or throws a message naming the file and the reason.
 */
function inspectExisting(path: string, nativeBinding: string | undefined): string[] {
  const label = labelFor(path);
  const header = checkSqliteHeader(path, label, WARRANT_APPLICATION_ID);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    const applicationId = Number(db.pragma('application_id', { simple: true }));
    if (applicationId !== WARRANT_APPLICATION_ID) {
      throw new WarrantError('workspace_unavailable', `Cannot open ${label}: it is a SQLite database, but not a Warrant workspace.`);
    }
    harden(db);
    if (header.shortButWalPending) confirmWalCoversShortFile(db, label);
    const applied = appliedMigrations(db);
    const pending = planMigrations(
      knownMigrations().map((m) => m.id),
      applied,
      label,
    );
    refuseForeignSchema(db, applied, label, nativeBinding);
    return pending;
  } catch (error) {
    if (error instanceof WarrantError) throw error;
    if (isSqliteError(error) && /^SQLITE_(READONLY|CANTOPEN)/.test(error.code)) throw folderNotWritable(label);
    const reason = isSqliteError(error) ? error.message : 'it could not be read';
    throw new WarrantError('workspace_unavailable', `Cannot open ${label}: the file is damaged (${reason}). It was left untouched.`);
  } finally {
    db?.close();
  }
}

/**
 * A received workspace must not run SQL of its own: its triggers and views would run with
 * Warrant's rights on every write. Anything this build's migrations would not have created is
 * named, and the file is refused untouched (a cleaned copy can be made: see clean-copy.ts).
 */
function refuseForeignSchema(db: Database.Database, applied: readonly string[], label: string, nativeBinding: string | undefined): void {
  const foreign = foreignObjects(db, applied, nativeBinding);
  if (foreign.length === 0) return;
  throw new WarrantError(
    'workspace_unavailable',
    `Cannot open ${label}: it holds database objects Warrant did not create, which could change or copy your data behind your back: ${describeForeign(foreign)}. The file was left untouched. Open a cleaned copy instead: it is written beside the file with Warrant’s own structure only.`,
    { foreignSchema: foreign.map((object) => `${object.type} ${object.name}`) },
  );
}

/**
 * Functions and virtual tables named in the schema may not run from triggers or views
 * (trusted_schema off), and defensive mode forbids writing the schema table or corrupting
 * pages directly. better-sqlite3 turns defensive mode on at open; unsafeMode(false) says so.
 */
export function harden(db: Database.Database): void {
  db.unsafeMode(false);
  db.pragma('trusted_schema = OFF');
}

/**
 * Rare path (after a crash during a checkpoint): reads every page through the WAL, so a file
 * the WAL really does complete opens, and one it does not is refused before anything writes.
 */
function confirmWalCoversShortFile(db: Database.Database, label: string): void {
  const result = String(db.pragma('quick_check(1)', { simple: true }));
  if (result !== 'ok') {
    throw new WarrantError(
      'workspace_unavailable',
      `Cannot open ${label}: the file is truncated and its journal does not complete it (${result}). Restore it from a backup or a copy.`,
    );
  }
}

/**
 * SQLite keeps its journal beside the workspace file, so even reading needs the folder to be
 * writable: say that, not that the file is damaged.
 */
function folderNotWritable(label: string): WarrantError {
  return new WarrantError(
    'workspace_unavailable',
    `Cannot open ${label}: Warrant may not write to the folder it is in, and it keeps its journal beside the file. Nothing was changed. Copy the file to a folder you can write to and open the copy, or ask for write access to the folder.`,
  );
}

function configure(db: Database.Database): void {
  harden(db);
  db.pragma('journal_mode = WAL');
  // FULL in WAL mode fsyncs the log at every commit: a save the UI has acknowledged survives a
  // power cut, not only a crash. Saves are small and debounced, so the extra fsync is cheap.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Builds a new workspace beside `path` and moves it into place only when it is complete:
 * stamped, migrated and checkpointed into the main file. A crash part-way leaves no file at
 * `path`, and a file at `path` always opens (before this, a workspace killed before its first
 * checkpoint kept its stamp only in the WAL, and the header check refused it).
 */
function createWorkspaceFile(path: string, label: string, nativeBinding: string | undefined): void {
  const building = `${path}.creating`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(building, { nativeBinding });
    configure(db);
    db.pragma(`application_id = ${WARRANT_APPLICATION_ID}`);
    applyMigrations(
      db,
      knownMigrations().map((m) => m.id),
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    db = undefined;
    // Private to its owner whatever the umask; SQLite gives its -wal and -shm the same mode.
    restrictToOwner(building);
    renameSync(building, path);
    const directory = openSync(dirname(path), 'r');
    try {
      fsyncSync(directory);
    } finally {
      closeSync(directory);
    }
  } catch (error) {
    db?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
    if (error instanceof WarrantError) throw error;
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new WarrantError('workspace_unavailable', `Cannot create ${label}: ${reason}.`);
  }
}

/** A workspace file open, checked and migrated, before its repositories are built over it. */
export interface OpenedDatabase {
  db: Database.Database;
  path: string;
  name: string;
}

/**
 * Opens (or with `create`, creates) a workspace file, refusing anything that is not a
 * workspace this build understands. A refused file is never written to.
 */
export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const absolute = resolve(path);
  const label = labelFor(absolute);
  if (!existsSync(absolute)) {
    if (!options.create) throw new WarrantError('workspace_unavailable', `Cannot open ${label}: there is no such file.`);
    createWorkspaceFile(absolute, label, options.nativeBinding);
  }
  const pending = inspectExisting(absolute, options.nativeBinding);
  let db: Database.Database;
  try {
    db = new Database(absolute, { nativeBinding: options.nativeBinding });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new WarrantError('workspace_unavailable', `Cannot open ${label}: ${reason}.`);
  }
  try {
    configure(db);
    applyMigrations(db, pending);
  } catch (error) {
    db.close();
    if (error instanceof WarrantError) throw error;
    // Each migration runs in its own transaction, so a failed one has rolled back.
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new WarrantError(
      'workspace_unavailable',
      `Cannot open ${label}: its structure could not be brought up to date (${reason}). It was left as it was.`,
    );
  }
  return { db, path: absolute, name: basename(absolute) };
}
