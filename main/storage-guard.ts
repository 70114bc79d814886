import { storageFailure } from '../db/storage-errors';
import { WarrantError } from '../src/contract/errors';
import type { Handlers, JobHandlers } from '../src/contract/handlers';
import { jobs, operations } from '../src/contract/operations';
import type { WorkspaceSession } from './workspace-session';

/** Jobs that write into the open workspace (the others read it, like Save a Copy). */
const WRITING_JOBS: ReadonlySet<string> = new Set(['snapshots.attach', 'library.importCommit']);
/** Backups write beside the workspace and prune its folder: the lock holder's business alone. */
const BACKUP_WRITES: ReadonlySet<string> = new Set(['backups.create', 'backups.restore']);

type Access = 'read' | 'write' | 'switch';

function readOnlyRefusal(session: WorkspaceSession): WarrantError {
  const holder = session.heldBy();
  const where = holder ? ` (it is open in Warrant: ${holder})` : '';
  return new WarrantError(
    'workspace_locked',
    `This workspace is open read-only${where}, so this change was not made. Close it there, then open it here again to make changes.`,
  );
}

function guard<A extends unknown[], R>(
  run: (...args: A) => R | Promise<R>,
  session: WorkspaceSession,
  access: Access,
  backupWrite: boolean,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    if (session.readOnly && (access === 'write' || backupWrite)) throw readOnlyRefusal(session);
    if (access === 'write') session.current.assertFileInPlace();
    try {
      return await run(...args);
    } catch (error) {
      throw storageFailure(error, `“${session.current.path}”`) ?? error;
    }
  };
}

function accessOf(name: string): Access {
  // Opening another workspace, or restoring a backup, must work even when this one's file is gone.
  if (name.startsWith('workspace.') || name.startsWith('backups.')) return 'switch';
  return operations[name as keyof typeof operations].mutates ? 'write' : 'read';
}

/**
 * Wraps every handler so that disk and file failures reach the analyst as what they mean (not
 * saved; what was saved is safe; save a copy elsewhere), a write is refused when the workspace
 * file was deleted or replaced under the app, and every write is refused in a session opened
 * read-only because another process holds the workspace.
 */
export function guardStorage(
  session: WorkspaceSession,
  handlers: Handlers,
  jobHandlers: JobHandlers,
): { handlers: Handlers; jobHandlers: JobHandlers } {
  const guarded: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    guarded[name] = guard(handler as (...args: unknown[]) => unknown, session, accessOf(name), BACKUP_WRITES.has(name));
  }
  const guardedJobs: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(jobHandlers)) {
    const access: Access = name in jobs && WRITING_JOBS.has(name) ? 'write' : 'read';
    guardedJobs[name] = guard(handler as (...args: unknown[]) => unknown, session, access, BACKUP_WRITES.has(name));
  }
  // Same keys, same signatures: only the errors they throw change.
  return { handlers: guarded as Handlers, jobHandlers: guardedJobs as JobHandlers };
}
