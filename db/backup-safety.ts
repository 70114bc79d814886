import { createHash } from 'node:crypto';
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { z } from 'zod';
import { WarrantError } from '../src/contract/errors';
import { PRIVATE_FOLDER_MODE, writeSmallFileAtomically } from './safe-files';

/**
 * Checks the backups folder before anything is written to, moved into or restored from it:
 * a symlink would send every backup (and, on restore, the live workspace) somewhere else, and
 * a folder another user owns lets them plant a "backup". Created 0700 when `create` is set;
 * returns false when it does not exist (and was not to be created).
 */
export function secureBackupsFolder(folder: string, create: boolean): boolean {
  let stat;
  try {
    stat = lstatSync(folder);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    if (!create) return false;
    mkdirSync(folder, { mode: PRIVATE_FOLDER_MODE });
    chmodSync(folder, PRIVATE_FOLDER_MODE);
    return true;
  }
  if (stat.isSymbolicLink()) {
    throw new WarrantError(
      'workspace_unavailable',
      `The backups folder “${folder}” is a symbolic link, so backups would be written to, and restored from, somewhere else. Warrant will not use it: replace the link with an ordinary folder. Nothing was changed.`,
    );
  }
  if (!stat.isDirectory()) {
    throw new WarrantError(
      'workspace_unavailable',
      `“${folder}” should be the workspace’s backups folder, but it is not a folder. Move it away to take backups. Nothing was changed.`,
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw new WarrantError(
      'workspace_unavailable',
      `The backups folder “${folder}” belongs to another user, who could plant or change backups in it. Warrant will not use it: move it away and let Warrant create its own. Nothing was changed.`,
    );
  }
  if ((stat.mode & 0o077) !== 0) chmodSync(folder, PRIVATE_FOLDER_MODE);
  return true;
}

const ManifestSchema = z.object({
  workspaceId: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
});
export type BackupManifest = z.infer<typeof ManifestSchema>;

export function manifestPath(backupPath: string): string {
  return `${backupPath}.manifest.json`;
}

export function sha256OfFile(path: string): { sha256: string; size: number } {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  let size = 0;
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, read));
      size += read;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/** Ties a finished backup to its workspace: the id and the hash of its bytes, written beside it. */
export function writeManifest(backupPath: string, workspaceId: string): BackupManifest {
  const manifest: BackupManifest = { workspaceId, ...sha256OfFile(backupPath) };
  writeSmallFileAtomically(manifestPath(backupPath), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(backupPath: string): BackupManifest | null {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(manifestPath(backupPath), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
