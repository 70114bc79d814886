import type { Handlers, JobHandlers } from '../src/contract/handlers';
import { backupsFolder } from '../db/backups';
import { BackupService } from './backup-service';
import type { WorkspaceSession } from './workspace-session';

/** The backup operations and job, over one {@link BackupService} for the session. */
export function createBackupHandlers(
  session: WorkspaceSession,
  intervalMs: number | undefined,
): { handlers: Pick<Handlers, 'backups.list' | 'backups.restore'>; jobHandlers: Pick<JobHandlers, 'backups.create'> } {
  const backups = new BackupService(session, { intervalMs, nativeBinding: session.nativeBinding });
  return {
    handlers: {
      'backups.list': () => ({ folder: backupsFolder(session.current.path), items: backups.list() }),
      'backups.restore': ({ fileName }) => backups.restore(fileName),
    },
    jobHandlers: {
      'backups.create': (_input, control) =>
        backups.backUpNow({
          onProgress: (done, total) => control.progress(done, total, 'Copying pages'),
          isCancelled: () => control.cancelled,
        }),
    },
  };
}
