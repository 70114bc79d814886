import { WarrantError } from '../src/contract/errors';
import type { Delivery } from '../src/contract/file-ref';
import type { Handlers, JobHandlers } from '../src/contract/handlers';
import type { JobControl, JobManager } from '../src/contract/job-manager';
import type { Workspace } from '../db/workspace';

/** What differs between hosts; everything else is the same wiring of contract to store. */
export interface HostServices {
  readonly appVersion: string;
  readonly nativeDialogs: boolean;
  /** Produces a consistent copy of the workspace and hands it to the user the host's way. */
  deliverCopy(workspace: Workspace, control: JobControl): Promise<Delivery>;
}

/** Wires every contract operation and job to the open workspace. */
export function createHandlers(workspace: Workspace, jobManager: JobManager, host: HostServices): { handlers: Handlers; jobHandlers: JobHandlers } {
  const handlers: Handlers = {
    'host.info': () => ({
      appVersion: host.appVersion,
      capabilities: { nativeDialogs: host.nativeDialogs },
      workspace: { name: workspace.name, path: workspace.path },
    }),
    'settings.get': () => workspace.settings.get(),
    'settings.update': (patch) => workspace.settings.update(patch),
    'sources.list': (query) => workspace.sources.list(query),
    'sources.get': ({ id }) => workspace.sources.get(id),
    'sources.create': ({ draft }) => workspace.sources.create(draft),
    'sources.update': ({ id, draft }) => workspace.sources.update(id, draft),
    'sources.delete': ({ id }) => ({ id, deletedAt: workspace.sources.trash(id) }),
    'trash.list': () => ({ items: workspace.trash.list() }),
    'trash.restore': (ref) => {
      workspace.trash.restore(ref);
      return { restored: true as const };
    },
    'trash.empty': () => ({ removed: workspace.trash.empty() }),
    'jobs.get': ({ jobId }) => {
      const snapshot = jobManager.snapshot(jobId);
      if (!snapshot) throw new WarrantError('not_found', 'That job is not known (it may have finished long ago).');
      return snapshot;
    },
    'jobs.cancel': ({ jobId }) => ({ cancelling: jobManager.cancel(jobId) }),
  };
  const jobHandlers: JobHandlers = {
    'workspace.saveCopy': (_input, control) => host.deliverCopy(workspace, control),
  };
  return { handlers, jobHandlers };
}
