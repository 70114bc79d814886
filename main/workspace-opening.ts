import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { appliedMigrations, knownMigrations } from '../db/migrations';
import { openDatabase, type OpenedDatabase } from '../db/open-workspace';
import { WarrantError } from '../src/contract/warrant-error';
import { WorkspaceLock, type LockHolderKind } from './workspace-lock';

/** Options passed to every workspace this host opens (e.g. the native module for Electron). */
export interface OpenWorkspaceOptions {
  nativeBinding?: string;
}

export interface SessionOptions extends OpenWorkspaceOptions {
  create?: boolean;
  /** How this process is named to a second opener (default: browser host). */
  lockAs?: LockHolderKind;
  /** Open without the write lock (another process holds it): reads work, every write is refused. */
  readOnly?: boolean;
  /** What the `workspace_locked` message advises when the file is held (e.g. the CLI flag to use). */
  lockedAdvice?: string;
}

/** A workspace file locked (unless read-only), checked and migrated, before its repositories exist. */
export interface PreparedWorkspace {
  readonly file: OpenedDatabase;
  readonly lock: WorkspaceLock | null;
}

/**
 * Opening applies the migrations a file lacks; a read-only opener must not do that to a file
 * an older Warrant is writing, so such a file is refused until it is closed there.
 */
function refuseReadOnlyUpgrade(path: string, nativeBinding: string | undefined): void {
  let applied: string[];
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      applied = appliedMigrations(db);
    } finally {
      db.close();
    }
  } catch {
    // Not a readable workspace: opening it says why.
    return;
  }
  if (knownMigrations().some((migration) => !applied.includes(migration.id))) {
    throw new WarrantError(
      'workspace_locked',
      `“${resolve(path)}” is open in an older Warrant, and this version would have to update the file to open it. Close it there first.`,
    );
  }
}

/**
 * Everything that may refuse a workspace (its lock, its header and schema, its migrations), and
 * nothing more: no repository or schema module loads here, so the browser host can do this before
 * it prints its address and build the rest once it listens.
 */
export function prepareWorkspace(path: string, options: SessionOptions): PreparedWorkspace {
  if (options.readOnly) refuseReadOnlyUpgrade(path, options.nativeBinding);
  const lock = options.readOnly ? null : WorkspaceLock.acquire(path, options.lockAs ?? 'browser host', options.lockedAdvice);
  try {
    return { file: openDatabase(path, { create: options.create ?? false, nativeBinding: options.nativeBinding }), lock };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
