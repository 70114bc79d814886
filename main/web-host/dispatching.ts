import { createDispatcher, type Dispatcher, type DispatcherOptions } from '../../src/contract/dispatch';
import type { JobManager } from '../../src/contract/job-manager';
import type { DownloadStore } from '../downloads';
import { createHandlers, type HostServices } from '../handlers';
import type { UploadStore } from '../uploads';
import type { WorkspaceSession } from '../workspace-session';

/**
 * The contract's dispatcher over every handler, for the browser host. Its own module, loaded
 * once the host is listening: the contract's schemas and the handler table are not needed until
 * the page's first call, which comes only after the page has loaded its script.
 */
export function createHostDispatcher(
  session: WorkspaceSession,
  jobManager: JobManager,
  services: HostServices,
  uploads: UploadStore,
  downloads: DownloadStore,
  options: DispatcherOptions,
): Dispatcher {
  const { handlers, jobHandlers } = createHandlers(session, jobManager, services, uploads, downloads);
  return createDispatcher(handlers, jobHandlers, jobManager, options);
}
