import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { WarrantError } from '../src/contract/warrant-error';

/** SQLite's companions of a database file: writing or removing one corrupts the database. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Files Warrant writes hold the analyst's evidence: only their owner may read them, whatever the umask. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

export function restrictToOwner(path: string): void {
  chmodSync(path, PRIVATE_FILE_MODE);
}

export function removeWithSideFiles(path: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${path}${suffix}`, { force: true });
}

function identity(path: string): { dev: number; ino: number } | null {
  try {
    const stat = statSync(path);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

/** The real folder of `path` (symlinks resolved), and its file name; the file itself need not exist. */
function realLocation(path: string): { folder: string; name: string } {
  const absolute = resolve(path);
  let folder: string;
  try {
    folder = realpathSync(dirname(absolute));
  } catch {
    folder = dirname(absolute);
  }
  return { folder, name: basename(absolute) };
}

/** Folds what case-insensitive and normalising file systems (macOS, Windows) treat as one name. */
function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Whether `candidate` is, or on some file system could be, the file at `protectedPath` or one of
 * its SQLite side files: the same device and inode when it exists (symlinks, hard links, `./`,
 * a case-insensitive disk), else the same real folder and the same name up to case and Unicode
 * normalisation (where the disk would fold them together, this is the open file).
 */
export function resolvesToFile(candidate: string, protectedPath: string): boolean {
  const target = identity(candidate);
  const place = realLocation(candidate);
  for (const suffix of ['', ...SIDE_FILES]) {
    const guarded = `${protectedPath}${suffix}`;
    const guardedIdentity = identity(guarded);
    if (target && guardedIdentity && target.dev === guardedIdentity.dev && target.ino === guardedIdentity.ino) return true;
    const guardedPlace = realLocation(guarded);
    if (place.folder === guardedPlace.folder && foldName(place.name) === foldName(guardedPlace.name)) return true;
  }
  return false;
}

/** Refuses a target that is the open workspace under another name, before anything is written. */
export function refuseOpenWorkspace(target: string, workspacePath: string): void {
  if (!resolvesToFile(target, workspacePath)) return;
  throw new WarrantError(
    'invalid_input',
    `Choose another file: “${target}” is the open workspace itself, or one of its journal files, under another name (or a name a disk that ignores case or accents would take for it), and writing there would destroy it. Nothing was written.`,
  );
}

function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames a complete file over `target` and makes the rename durable. */
export function renameIntoPlace(temporary: string, target: string): void {
  renameSync(temporary, target);
  syncFolder(dirname(resolve(target)));
}

/**
 * Writes `target` by writing a hidden temporary file in the same folder and renaming it into
 * place once complete and synced: a cancel or failure leaves no partial file and never touches
 * what was at `target`. With `protectedPath` (the open workspace), a target that resolves to
 * it is refused first.
 */
export async function writeViaTemporary(
  target: string,
  write: (temporary: string) => Promise<void> | void,
  protectedPath?: string,
): Promise<void> {
  if (protectedPath !== undefined) refuseOpenWorkspace(target, protectedPath);
  const absolute = resolve(target);
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await write(temporary);
    restrictToOwner(temporary);
    const fd = openSync(temporary, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (protectedPath !== undefined) refuseOpenWorkspace(target, protectedPath);
    renameIntoPlace(temporary, absolute);
  } catch (error) {
    if (protectedPath === undefined || !resolvesToFile(temporary, protectedPath)) removeWithSideFiles(temporary);
    throw error;
  }
}

/** The same for a small file written at once: private to its owner, complete or absent. */
export function writeSmallFileAtomically(target: string, text: string): void {
  const absolute = resolve(target);
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    const fd = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    restrictToOwner(temporary);
    renameIntoPlace(temporary, absolute);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
