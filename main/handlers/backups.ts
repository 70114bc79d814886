import { backupsFolder } from '../../db/backups';
import type { BACKUPS_JOBS, BACKUPS_OPERATIONS } from '../../src/contract/operations/backups';
import { BackupService } from '../backup-service';
import type { DomainHandlers, HandlerContext } from './context';

/** The backup operations and job, over one {@link BackupService} for the session. */
export function backupsHandlers({ session, host }: HandlerContext): DomainHandlers<typeof BACKUPS_OPERATIONS, typeof BACKUPS_JOBS> {
  const backups = new BackupService(session, { intervalMs: host.backupIntervalMs, nativeBinding: session.nativeBinding });
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
