import type { Dispatcher, DispatcherOptions } from '../../src/contract/dispatch';
import type { JobManager } from '../../src/contract/job-manager';
import type { DownloadStore } from '../downloads';
import type { HostServices } from '../handlers';
import type { UploadStore } from '../uploads';
import type { WorkspaceSession } from '../workspace-session';
import type { PreparedWorkspace, SessionOptions } from '../workspace-opening';

export interface LoadedHost {
  session: WorkspaceSession;
  dispatcher: Dispatcher;
}

/** Lets the event loop answer what waits (the page's own files) between two long loads. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The workspace's repositories and the contract's dispatcher over every handler, for the browser
 * host. Its own module, loaded once the host is listening: none of it is needed until the page's
 * first call. Loaded in steps with a turn of the event loop between, so what arrives meanwhile
 * (the page's files, on a host loading before its first call) waits for one step, not the whole load.
 */
export async function loadHost(
  prepared: PreparedWorkspace,
  sessionOptions: SessionOptions,
  jobManager: JobManager,
  services: HostServices,
  uploads: UploadStore,
  downloads: DownloadStore,
  options: Omit<DispatcherOptions, 'epoch'>,
): Promise<LoadedHost> {
  let session: WorkspaceSession;
  try {
    // zod and the domain's schemas, then the repositories, then the session over them: each step
    // is one stretch of the event loop, and what waits is served between them.
    await import('../../src/domain/source');
    await nextTurn();
    await import('../../db/workspace');
    await nextTurn();
    const { WorkspaceSession } = await import('../workspace-session');
    await nextTurn();
    session = new WorkspaceSession(prepared, sessionOptions);
  } catch (error) {
    // The session owns the file and its lock once made; until then they are still ours to give back.
    if (prepared.file.db.open) prepared.file.db.close();
    prepared.lock?.release();
    throw error;
  }
  await nextTurn();
  const { createHandlers } = await import('../handlers');
  await nextTurn();
  const { createDispatcher } = await import('../../src/contract/dispatch');
  const { handlers, jobHandlers } = createHandlers(session, jobManager, services, uploads, downloads);
  return { session, dispatcher: createDispatcher(handlers, jobHandlers, jobManager, { ...options, epoch: session.epochSource }) };
}
