import { constants, copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WarrantError } from '../src/contract/errors';
import { backupStamp, parseBackupStamp, type BackupInfo } from '../src/domain/backup';
import { manifestPath, readManifest, secureBackupsFolder, sha256OfFile, writeManifest } from './backup-safety';
import { openDatabase } from './open-workspace';
import { removeWithSideFiles, resolvesToFile, restrictToOwner, SIDE_FILES } from './safe-files';
import type { CopyProgress, Workspace } from './workspace';
import { readWorkspaceId, readWorkspaceIdFrom } from './workspace-id';

/** Clocks differ a little between machines sharing a drive; beyond this a stamp is in the future. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

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

export interface ListOptions {
  /** The workspace's id (read from its file when not given; null when it cannot be read). */
  workspaceId?: string | null;
  now?: Date;
  nativeBinding?: string;
}

/** Why a backup file may not be restored, or null when it may. */
function problemOf(path: string, createdAt: string, size: number, workspaceId: string | null, now: Date): string | null {
  if (Date.parse(createdAt) > now.getTime() + CLOCK_SKEW_MS) return 'its time stamp is in the future, so Warrant did not take it';
  const manifest = readManifest(path);
  if (!manifest) return 'it has no manifest tying it to this workspace (not taken by this Warrant, or its manifest was removed)';
  if (workspaceId !== null && manifest.workspaceId !== workspaceId) return 'its manifest names another workspace';
  if (manifest.size !== size) return 'its size differs from the one recorded when it was taken';
  return null;
}

/**
 * The workspace's backups: restorable ones newest first, then the files that look like backups
 * but may not be restored (each with its reason). Files that are not named like its backups
 * are ignored; a refused folder (a symlink, another user's) throws.
 */
export function listBackups(workspacePath: string, options: ListOptions = {}): BackupInfo[] {
  const folder = backupsFolder(workspacePath);
  if (!secureBackupsFolder(folder, false)) return [];
  const workspaceId = options.workspaceId === undefined ? readWorkspaceId(workspacePath, options.nativeBinding) : options.workspaceId;
  const now = options.now ?? new Date();
  const pattern = new RegExp(`^${escapeRegExp(stemOf(workspacePath))}-(before-restore-)?(\\d{8}T\\d{9}Z)\\.warrant$`);
  const found: BackupInfo[] = [];
  for (const fileName of readdirSync(folder)) {
    const match = pattern.exec(fileName);
    const createdAt = match ? parseBackupStamp(match[2] ?? '') : null;
    if (!match || !createdAt) continue;
    const path = join(folder, fileName);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    const problem = problemOf(path, createdAt, stats.size, workspaceId, now);
    const info: BackupInfo = { fileName, createdAt, size: stats.size, kind: match[1] ? 'before-restore' : 'automatic' };
    found.push(problem === null ? info : { ...info, problem });
  }
  const rank = (info: BackupInfo): number => (info.problem === undefined ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** A name in the folder not yet taken; backups in the same millisecond step a millisecond on. */
function freshName(folder: string, stem: string, infix: string, now: Date): string {
  for (let step = 0; ; step += 1) {
    const name = `${stem}-${infix}${backupStamp(new Date(now.getTime() + step))}.warrant`;
    if (!existsSync(join(folder, name))) return name;
  }
}

/**
 * Removes this workspace's automatic backups beyond the newest `keep`, with their manifests.
 * Files that are not its verified backups are never counted or removed: a planted file must
 * not push real backups out.
 */
export function pruneBackups(workspacePath: string, keep: number, workspaceId?: string): string[] {
  const automatic = listBackups(workspacePath, { workspaceId }).filter((b) => b.kind === 'automatic' && b.problem === undefined);
  const removed = automatic.slice(Math.max(keep, 0)).map((b) => b.fileName);
  for (const name of removed) {
    const path = join(backupsFolder(workspacePath), name);
    // A hard link to the live file, planted under a backup's name, must never take it along.
    if (resolvesToFile(path, workspacePath)) continue;
    rmSync(path, { force: true });
    rmSync(manifestPath(path), { force: true });
  }
  return removed;
}

/**
 * Takes a backup of the open workspace with SQLite's backup API (writes may go on meanwhile;
 * the API restarts its copy when they do), renamed into place only when complete, writes its
 * manifest (workspace id and SHA-256), then prunes to the newest `keep`.
 */
export async function takeBackup(
  workspace: Workspace,
  keep: number,
  progress: CopyProgress = {},
  now: Date = new Date(),
): Promise<BackupInfo> {
  const folder = backupsFolder(workspace.path);
  secureBackupsFolder(folder, true);
  const workspaceId = workspace.workspaceId();
  const fileName = freshName(folder, stemOf(workspace.path), '', now);
  const path = join(folder, fileName);
  await workspace.saveCopy(path, progress);
  writeManifest(path, workspaceId);
  pruneBackups(workspace.path, Math.max(keep, 1), workspaceId);
  const info = listBackups(workspace.path, { workspaceId, now }).find((b) => b.fileName === fileName);
  if (!info) throw new WarrantError('internal', 'The backup was written but could not be found afterwards.');
  return info;
}

/**
 * Copies a listed, restorable backup (a closed file, never a live database) beside the
 * workspace, checks the copy's SHA-256 against its manifest, and proves it opens as a Warrant
 * workspace of the same id that passes SQLite's integrity check. Returns the staged path; a
 * refused backup leaves nothing behind.
 */
export function stageRestore(workspacePath: string, fileName: string, nativeBinding?: string, workspaceId?: string | null): string {
  const expectedId = workspaceId === undefined ? readWorkspaceId(workspacePath, nativeBinding) : workspaceId;
  const backup = listBackups(workspacePath, { workspaceId: expectedId, nativeBinding }).find((b) => b.fileName === fileName);
  if (!backup) throw new WarrantError('not_found', `There is no backup called “${fileName}” for this workspace.`);
  if (backup.problem !== undefined)
    throw new WarrantError('invalid_input', `The file “${fileName}” cannot be restored: ${backup.problem}. Nothing was changed.`);
  const source = join(backupsFolder(workspacePath), fileName);
  const manifest = readManifest(source);
  const staged = `${workspacePath}.restoring`;
  removeWithSideFiles(staged);
  try {
    copyFileSync(source, staged, constants.COPYFILE_EXCL);
    restrictToOwner(staged);
    if (!manifest || sha256OfFile(staged).sha256 !== manifest.sha256) {
      throw new WarrantError(
        'workspace_unavailable',
        `The backup “${fileName}” was changed after it was taken (its SHA-256 no longer matches its manifest). Nothing was changed.`,
      );
    }
    const { db } = openDatabase(staged, { nativeBinding });
    try {
      if (readWorkspaceIdFrom(db) !== manifest.workspaceId)
        throw new WarrantError(
          'workspace_unavailable',
          `The backup “${fileName}” is of another workspace than its manifest says. Nothing was changed.`,
        );
      const result = db.pragma('integrity_check', { simple: true });
      if (result !== 'ok')
        throw new WarrantError('workspace_unavailable', `The backup “${fileName}” is damaged (${String(result)}). Nothing was changed.`);
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
 * With the workspace closed: moves its file aside into the backups folder (checked again: never
 * into a symlink) as `<stem>-before-restore-<stamp>.warrant` with its own manifest, and puts the
 * staged backup in its place. Returns the before-restore file's name.
 */
export function swapInStaged(workspacePath: string, staged: string, now: Date = new Date(), workspaceId: string | null = null): string {
  const folder = backupsFolder(workspacePath);
  secureBackupsFolder(folder, true);
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
  // Only a file whose WAL is folded in is complete on its own, so only then can its hash stand for it.
  if (workspaceId !== null && (statSync(`${aside}-wal`, { throwIfNoEntry: false })?.size ?? 0) === 0) writeManifest(aside, workspaceId);
  return asideName;
}
