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
 * first call, which comes only after the page has fetched and run its script. Loaded in three
 * steps with a turn of the event loop between, so the page's files are served meanwhile instead
 * of waiting behind the whole load.
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
