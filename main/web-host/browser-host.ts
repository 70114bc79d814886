import type { Dispatcher } from '../../src/contract/dispatch';
import { JobManager } from '../../src/contract/job-manager';
import { APP_VERSION } from '../app-version';
import type { HostServices } from '../handlers';
import { WorkspaceSession } from '../workspace-session';
import { DownloadStore } from '../downloads';
import { UploadStore } from '../uploads';
import { PlaywrightPrinter } from '../export/playwright-printer';
import type { TeamService } from '../team-client/team-service';
import { startWebHost, type WebHost } from './server';

export const WORKSPACE_MEDIA_TYPE = 'application/vnd.warrant.workspace+sqlite';

export interface BrowserHostOptions {
  workspacePath: string;
  rendererDir: string;
  port: number;
  /** Create the workspace file if it does not exist (true for the default workspace). */
  create?: boolean;
  onInternalError?: (operation: string, error: unknown) => void;
  /** Milliseconds between automatic backups (default ten minutes). */
  backupIntervalMs?: number;
  /** Open without the write lock, for a workspace another Warrant process holds: writes are refused. */
  readOnly?: boolean;
}

export interface RunningBrowserHost extends WebHost {
  readonly session: WorkspaceSession;
  /** The host's team client, once loaded (it loads right after the host listens). */
  readonly team: () => Promise<TeamService>;
}

/** "Briefs.warrant" → "Briefs (copy 2026-11-27).warrant". */
export function copyFileName(workspaceName: string, date: Date = new Date()): string {
  const stem = workspaceName.replace(/\.warrant$/i, '');
  return `${stem} (copy ${date.toISOString().slice(0, 10)}).warrant`;
}

/** Opens the workspace and serves it with the renderer: the whole browser host. */
export async function runBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const session = new WorkspaceSession(options.workspacePath, {
    create: options.create ?? false,
    lockAs: 'browser host',
    readOnly: options.readOnly ?? false,
    lockedAdvice: 'open it read-only (warrant web --read-only), or close it there first',
  });
  const downloads = new DownloadStore();
  const uploads = new UploadStore();
  const jobManager = new JobManager();
  // Chromium starts on the first PDF export and stays warm until the host stops.
  const pdfPrinter = new PlaywrightPrinter();
  let web: WebHost | null = null;
  // The team client (Hocuspocus, Yjs, ws) loads after the host listens, like the handlers.
  let team: TeamService | null = null;
  let teamLoading: Promise<TeamService> | null = null;
  const teamReady = (): Promise<TeamService> =>
    (teamLoading ??= import('../team-client/team-service').then(
      (module) => (team = new module.TeamService(session, () => web?.token ?? '')),
    ));
  const services: HostServices = {
    appVersion: APP_VERSION,
    dialogs: null,
    pdfPrinter,
    get team() {
      return team;
    },
    backupIntervalMs: options.backupIntervalMs,
    async deliverCopy(ws, control) {
      const target = downloads.reserve();
      await ws.saveCopy(target.path, {
        onProgress: (done, total) => control.progress(done, total, 'Copying pages'),
        isCancelled: () => control.cancelled,
      });
      return { delivery: 'download', file: downloads.publish(target.fileId, copyFileName(ws.name), WORKSPACE_MEDIA_TYPE) };
    },
  };
  // The workspace is open (a refusal must come before the address is printed), but the contract and
  // its handlers load only once the host listens: the page asks nothing before its script has run.
  let loading: Promise<Dispatcher> | null = null;
  const dispatcher = (): Promise<Dispatcher> =>
    (loading ??= Promise.all([import('./dispatching'), teamReady()]).then(([module]) =>
      module.createHostDispatcher(session, jobManager, services, uploads, downloads, {
        onInternalError: options.onInternalError,
        epoch: session.epochSource,
      }),
    ));
  try {
    web = await startWebHost({
      dispatcher,
      jobManager,
      downloads,
      uploads,
      rendererDir: options.rendererDir,
      port: options.port,
      teamRelay: (request, socket, head) => team?.handleUpgrade(request, socket, head) ?? false,
    });
  } catch (error) {
    session.close();
    downloads.dispose();
    uploads.dispose();
    await pdfPrinter.close();
    throw error;
  }
  // After the caller's own continuation (which prints the address), not before it.
  setImmediate(() => void dispatcher().catch((error: unknown) => options.onInternalError?.('host start', error)));
  // A workspace joined in an earlier run reconnects to its team once the host serves.
  setImmediate(
    () =>
      void teamReady()
        .then((service) => service.resume())
        .catch((error: unknown) => options.onInternalError?.('team start', error)),
  );
  const served = web;
  return {
    session,
    team: teamReady,
    port: served.port,
    token: served.token,
    url: served.url,
    async close() {
      // Handlers being built hook the final backup into the session: let them finish first.
      await dispatcher().catch(() => undefined);
      await team?.close();
      await served.close();
      await pdfPrinter.close();
      downloads.dispose();
      uploads.dispose();
      // A changed workspace gets its final automatic backup before it closes.
      await session.closeAsync();
    },
  };
}
