import { storageFailure } from '../db/storage-errors';
import type { Handlers, JobHandlers } from '../src/contract/handlers';
import { jobs, operations } from '../src/contract/operations';
import type { WorkspaceSession } from './workspace-session';

/** Jobs that write into the open workspace (the others read it, like Save a Copy). */
const WRITING_JOBS: ReadonlySet<string> = new Set(['snapshots.attach', 'library.importCommit']);

function guard<A extends unknown[], R>(run: (...args: A) => R | Promise<R>, session: WorkspaceSession, writes: boolean): (...args: A) => Promise<R> {
  return async (...args: A) => {
    if (writes) session.current.assertFileInPlace();
    try {
      return await run(...args);
    } catch (error) {
      throw storageFailure(error, `“${session.current.path}”`) ?? error;
    }
  };
}

/**
 * Wraps every handler so that disk and file failures reach the analyst as what they mean (not
 * saved; what was saved is safe; save a copy elsewhere), and a write is refused when the
 * workspace file was deleted or replaced under the app.
 */
export function guardStorage(session: WorkspaceSession, handlers: Handlers, jobHandlers: JobHandlers): { handlers: Handlers; jobHandlers: JobHandlers } {
  const guarded: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    // Opening another workspace, or restoring a backup, must work even when this one's file is gone.
    const writes = operations[name as keyof typeof operations].mutates && !name.startsWith('workspace.') && !name.startsWith('backups.');
    guarded[name] = guard(handler as (...args: unknown[]) => unknown, session, writes);
  }
  const guardedJobs: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(jobHandlers)) guardedJobs[name] = guard(handler as (...args: unknown[]) => unknown, session, name in jobs && WRITING_JOBS.has(name));
  // Same keys, same signatures: only the errors they throw change.
  return { handlers: guarded as Handlers, jobHandlers: guardedJobs as JobHandlers };
}
