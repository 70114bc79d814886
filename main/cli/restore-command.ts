import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupsFolder, listBackups, stageRestore, swapInStaged } from '../../db/backups';
import { readWorkspaceId } from '../../db/workspace-id';
import { WarrantError } from '../../src/contract/errors';
import { WorkspaceLock } from '../workspace-lock';

/** `warrant restore`: lists a workspace's backups or restores one; returns what to print. */
export function restoreCommand(args: string[]): string {
  const { values } = parseArgs({
    args,
    options: { workspace: { type: 'string' }, backup: { type: 'string' }, list: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.workspace) throw new WarrantError('invalid_input', 'Give the workspace with --workspace PATH.');
  if (values.list && values.backup) throw new WarrantError('invalid_input', 'Use either --list or --backup FILE, not both.');
  const path = resolve(values.workspace);
  if (!existsSync(path)) throw new WarrantError('not_found', `There is no workspace at “${path}”.`);
  const folder = backupsFolder(path);
  if (!values.backup) {
    const items = listBackups(path);
    if (items.length === 0) return `No backups of “${path}” (they would be in “${folder}”).`;
    const lines = items.map(
      (b) =>
        `  ${b.fileName}  ${b.createdAt}  ${b.size} bytes${b.kind === 'before-restore' ? '  (before a restore)' : ''}${b.problem ? `  NOT RESTORABLE: ${b.problem}` : ''}`,
    );
    return [`Backups of “${path}” in “${folder}”, newest first:`, ...lines].join('\n');
  }
  const fileName = values.backup;
  if (/[/\\]/.test(fileName)) throw new WarrantError('invalid_input', `Give a backup's file name from --list, not a path: “${fileName}”.`);
  const lock = WorkspaceLock.acquire(
    path,
    'command line',
    'nothing was restored. Restore it there (Settings → Backups), or close it there first',
  );
  let keptAs: string;
  try {
    const workspaceId = readWorkspaceId(path);
    keptAs = swapInStaged(path, stageRestore(path, fileName, undefined, workspaceId), new Date(), workspaceId);
  } finally {
    lock.release();
  }
  return `Restored “${fileName}” into “${path}”.\nThe previous workspace file is kept as “${join(folder, keptAs)}”.`;
}
