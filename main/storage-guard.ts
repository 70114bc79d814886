import { storageFailure } from '../db/storage-errors';
import { WarrantError } from '../src/contract/errors';
import type { Handlers, JobHandlers } from '../src/contract/handlers';
import type { StorageWrites } from '../src/contract/define';
import { jobs, operations } from '../src/contract/operations';
import type { WorkspaceSession } from './workspace-session';

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
  writes: StorageWrites,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    if (session.readOnly && writes !== 'none') throw readOnlyRefusal(session);
    if (writes === 'workspace') session.current.assertFileInPlace();
    try {
      return await run(...args);
    } catch (error) {
      throw storageFailure(error, `“${session.current.path}”`) ?? error;
    }
  };
}

/** What the contract declares a handler writes: `writes` on its operation or job. */
function writesOf(specs: Readonly<Record<string, { readonly writes: StorageWrites }>>, name: string): StorageWrites {
  const spec = specs[name];
  if (!spec) throw new Error(`The contract has no ${name} to guard.`);
  return spec.writes;
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
    guarded[name] = guard(handler as (...args: unknown[]) => unknown, session, writesOf(operations, name));
  }
  const guardedJobs: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(jobHandlers)) {
    guardedJobs[name] = guard(handler as (...args: unknown[]) => unknown, session, writesOf(jobs, name));
  }
  // Same keys, same signatures: only the errors they throw change.
  return { handlers: guarded as Handlers, jobHandlers: guardedJobs as JobHandlers };
}
