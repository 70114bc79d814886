import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WarrantError } from '../src/contract/errors';
import { backupStamp, parseBackupStamp, type BackupInfo } from '../src/domain/backup';
import { openDatabase } from './open-workspace';
import type { CopyProgress, Workspace } from './workspace';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function stemOf(workspacePath: string): string {
  return basename(workspacePath).replace(/\.warrant$/i, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `<dir>/<stem>.backups`: beside the workspace, so a restore is a rename on one file system. */
export function backupsFolder(workspacePath: string): string {
  return join(dirname(workspacePath), `${stemOf(workspacePath)}.backups`);
}

/** The workspace's backups, newest first; files that are not its backups are ignored. */
export function listBackups(workspacePath: string): BackupInfo[] {
  const folder = backupsFolder(workspacePath);
  if (!existsSync(folder)) return [];
  const pattern = new RegExp(`^${escapeRegExp(stemOf(workspacePath))}-(before-restore-)?(\\d{8}T\\d{9}Z)\\.warrant$`);
  const found: BackupInfo[] = [];
  for (const fileName of readdirSync(folder)) {
    const match = pattern.exec(fileName);
    const createdAt = match ? parseBackupStamp(match[2] ?? '') : null;
    if (!match || !createdAt) continue;
    const stats = statSync(join(folder, fileName));
    if (!stats.isFile()) continue;
    found.push({ fileName, createdAt, size: stats.size, kind: match[1] ? 'before-restore' : 'automatic' });
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** A name in the folder not yet taken; backups in the same millisecond step a millisecond on. */
function freshName(folder: string, stem: string, infix: string, now: Date): string {
  for (let step = 0; ; step += 1) {
    const name = `${stem}-${infix}${backupStamp(new Date(now.getTime() + step))}.warrant`;
    if (!existsSync(join(folder, name))) return name;
  }
}

/** Removes automatic backups beyond the newest `keep`; before-restore files are never pruned. */
export function pruneBackups(workspacePath: string, keep: number): string[] {
  const automatic = listBackups(workspacePath).filter((b) => b.kind === 'automatic');
  const removed = automatic.slice(Math.max(keep, 0)).map((b) => b.fileName);
  for (const name of removed) rmSync(join(backupsFolder(workspacePath), name), { force: true });
  return removed;
}

/**
 * Takes a backup of the open workspace with SQLite's backup API (writes may go on meanwhile;
 * the API restarts its copy when they do), into a `.partial` file that is renamed into place
 * only when complete, then prunes to the newest `keep`.
 */
export async function takeBackup(workspace: Workspace, keep: number, progress: CopyProgress = {}, now: Date = new Date()): Promise<BackupInfo> {
  const folder = backupsFolder(workspace.path);
  mkdirSync(folder, { recursive: true });
  const fileName = freshName(folder, stemOf(workspace.path), '', now);
  const partial = join(folder, `${fileName}.partial`);
  await workspace.saveCopy(partial, progress);
  renameSync(partial, join(folder, fileName));
  pruneBackups(workspace.path, Math.max(keep, 1));
  const info = listBackups(workspace.path).find((b) => b.fileName === fileName);
  if (!info) throw new WarrantError('internal', 'The backup was written but could not be found afterwards.');
  return info;
}

function removeWithSideFiles(path: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Copies a listed backup (a closed file, never a live database) beside the workspace and
 * proves it opens as a Warrant workspace and passes SQLite's integrity check. Returns the
 * staged path; a refused backup leaves nothing behind.
 */
export function stageRestore(workspacePath: string, fileName: string, nativeBinding?: string): string {
  const backup = listBackups(workspacePath).find((b) => b.fileName === fileName);
  if (!backup) throw new WarrantError('not_found', `There is no backup called “${fileName}” for this workspace.`);
  const staged = `${workspacePath}.restoring`;
  removeWithSideFiles(staged);
  try {
    copyFileSync(join(backupsFolder(workspacePath), fileName), staged);
    const { db } = openDatabase(staged, { nativeBinding });
    try {
      const result = db.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new WarrantError('workspace_unavailable', `The backup “${fileName}” is damaged (${String(result)}). Nothing was changed.`);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    return staged;
  } catch (error) {
    removeWithSideFiles(staged);
    if (error instanceof WarrantError && error.message.includes('Nothing was changed')) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new WarrantError('workspace_unavailable', `The backup “${fileName}” cannot be restored: ${reason} Nothing was changed.`);
  }
}

/**
 * With the workspace closed: moves its file aside into the backups folder as
 * `<stem>-before-restore-<stamp>.warrant` and puts the staged backup in its place.
 * Returns the before-restore file's name.
 */
export function swapInStaged(workspacePath: string, staged: string, now: Date = new Date()): string {
  const folder = backupsFolder(workspacePath);
  mkdirSync(folder, { recursive: true });
  const asideName = freshName(folder, stemOf(workspacePath), 'before-restore-', now);
  const aside = join(folder, asideName);
  renameSync(workspacePath, aside);
  // A cleanly closed workspace has folded its WAL in; any leftover belongs with the old file.
  for (const suffix of SIDE_FILES) {
    if (existsSync(`${workspacePath}${suffix}`)) renameSync(`${workspacePath}${suffix}`, `${aside}${suffix}`);
  }
  try {
    renameSync(staged, workspacePath);
  } catch (error) {
    renameSync(aside, workspacePath);
    throw error;
  }
  return asideName;
}
