import { listBackups, stageRestore, swapInStaged, takeBackup } from '../db/backups';
import type { CopyProgress, Workspace } from '../db/workspace';
import type { BackupInfo } from '../src/domain/backup';
import type { WorkspaceSession } from './workspace-session';

/** How often the open workspace is backed up when it has changed. */
export const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60 * 1000;

export interface BackupServiceOptions {
  /** Milliseconds between automatic backups (tests pass a short one); 0 disables the timer. */
  intervalMs?: number;
  nativeBinding?: string;
}

/**
 * The open workspace's id for its backups' manifests, given one if it has none yet; a
 * workspace that may not be written (a read-only file) has only the id it already had.
 */
function idOf(workspace: Workspace): string | null {
  try {
    return workspace.workspaceId();
  } catch {
    return workspace.storedWorkspaceId();
  }
}

/** What a restore did, for the UI and the CLI to report. */
export interface RestoreOutcome {
  restored: string;
  /** The file the workspace was before the restore, now in the backups folder. */
  keptAs: string;
}

/**
 * Rolling backups of the session's workspace: on a timer and at close when it has changed,
 * on request, and restore. One backup or restore runs at a time.
 */
export class BackupService {
  private readonly backedUpAt = new WeakMap<Workspace, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly session: WorkspaceSession,
    private readonly options: BackupServiceOptions = {},
  ) {
    const interval = options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS;
    if (interval > 0) {
      this.timer = setInterval(() => void this.backUpIfChanged(this.session.current).catch(() => undefined), interval);
      this.timer.unref();
    }
    session.setBeforeClose(
      (workspace) => this.backUpIfChanged(workspace).then(() => undefined),
      () => clearInterval(this.timer),
    );
  }

  list(): BackupInfo[] {
    return listBackups(this.session.current.path, { workspaceId: idOf(this.session.current), nativeBinding: this.options.nativeBinding });
  }

  /** A backup now, whatever the setting (0 only turns the automatic ones off). */
  backUpNow(progress: CopyProgress = {}): Promise<BackupInfo> {
    const workspace = this.session.current;
    return this.serialised(() => this.backUp(workspace, progress));
  }

  /** The automatic backup: only when enabled and the workspace changed since its last one. */
  backUpIfChanged(workspace: Workspace): Promise<BackupInfo | null> {
    return this.serialised(async () => {
      if (workspace.isClosed || workspace.writeCount === (this.backedUpAt.get(workspace) ?? 0)) return null;
      if (workspace.settings.get().backupsToKeep === 0) return null;
      return this.backUp(workspace, {});
    });
  }

  /** Replaces the open workspace with a listed backup, keeping the current file aside. */
  restore(fileName: string): Promise<RestoreOutcome> {
    return this.serialised(async () => {
      const path = this.session.current.path;
      const workspaceId = idOf(this.session.current);
      const staged = stageRestore(path, fileName, this.options.nativeBinding, workspaceId);
      const keptAs = this.session.reopenAfter((workspacePath) => swapInStaged(workspacePath, staged, new Date(), workspaceId));
      return { restored: fileName, keptAs };
    });
  }

  private async backUp(workspace: Workspace, progress: CopyProgress): Promise<BackupInfo> {
    const writes = workspace.writeCount;
    const info = await takeBackup(workspace, workspace.settings.get().backupsToKeep, progress);
    this.backedUpAt.set(workspace, writes);
    return info;
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
