import { lastPlaceRoute } from '../../db/last-place-route';
import { JobManager } from '../../src/contract/job-manager';
import { isLibraryAddress } from '../../src/start/library-address';
import { APP_VERSION } from '../app-version';
import type { HostServices } from '../handlers';
import type { WorkspaceSession } from '../workspace-session';
import { prepareWorkspace, type SessionOptions } from '../workspace-opening';
import type { LoadedHost } from './dispatching';
import type { TeamService } from '../team-client/team-service';
import { TeamStatusFeed } from '../team-client/team-status-feed';
import type { TeamStatusAnswer } from '../../src/contract/operations/team';
import { DownloadStore } from '../downloads';
import { UploadStore } from '../uploads';
import { PlaywrightPrinter } from '../export/playwright-printer';
import { startWebHost, type WebHost } from './server';

export const WORKSPACE_MEDIA_TYPE = 'application/vnd.warrant.workspace+sqlite';

/**
 * When a host nobody has called yet loads its repositories and handlers anyway. Loading blocks
 * the event loop for a while, so it waits for the page's first call rather than holding up the
 * page's own files, unless no page comes soon.
 */
const LOAD_UNPROMPTED_MS = 500;

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

/** Listening, with the workspace open and checked; its repositories and handlers load on demand. */
export interface StartedBrowserHost extends WebHost {
  readonly readOnly: boolean;
  /** Loads the repositories, the contract and its handlers now if not yet done; resolves with the session. */
  load(): Promise<WorkspaceSession>;
  /** The host's team client, made once the host has loaded. */
  team(): Promise<TeamService>;
}

export interface RunningBrowserHost extends WebHost {
  readonly session: WorkspaceSession;
  /** The host's team client, made once the host has loaded. */
  readonly team: () => Promise<TeamService>;
}

/** "Briefs.warrant" → "Briefs (copy 2026-11-27).warrant". */
export function copyFileName(workspaceName: string, date: Date = new Date()): string {
  const stem = workspaceName.replace(/\.warrant$/i, '');
  return `${stem} (copy ${date.toISOString().slice(0, 10)}).warrant`;
}

/** Opens the workspace and serves it with the renderer, and resolves once all of it has loaded. */
export async function runBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const host = await startBrowserHost(options);
  try {
    const session = await host.load();
    return { port: host.port, token: host.token, url: host.url, close: () => host.close(), session, team: () => host.team() };
  } catch (error) {
    await host.close();
    throw error;
  }
}

/**
 * Opens the workspace (a refusal must come before the address is printed) and listens; resolves
 * then, with the repositories, the contract and its handlers still loading. The page asks nothing
 * before its script has run, and calls wait for the load.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<StartedBrowserHost> {
  const sessionOptions: SessionOptions = {
    create: options.create ?? false,
    lockAs: 'browser host',
    readOnly: options.readOnly ?? false,
    lockedAdvice: 'open it read-only (warrant web --read-only), or close it there first',
  };
  const prepared = prepareWorkspace(options.workspacePath, sessionOptions);
  const downloads = new DownloadStore();
  const uploads = new UploadStore();
  const jobManager = new JobManager();
  // Chromium starts on the first PDF export and stays warm until the host stops.
  const pdfPrinter = new PlaywrightPrinter();
  let web: WebHost | null = null;
  // The team client (Hocuspocus, Yjs, ws) is made with the session, after the host listens.
  let team: TeamService | null = null;
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
        leaveTeam: true,
      });
      return { delivery: 'download', file: downloads.publish(target.fileId, copyFileName(ws.name), WORKSPACE_MEDIA_TYPE) };
    },
  };
  let loading: Promise<LoadedHost> | null = null;
  let loadedHost: LoadedHost | null = null;
  // Where a fresh page opens, read at each serving of the page: from the file itself until the
  // repositories are loaded, then from the session's workspace (which may have been switched).
  const opensOnLibrary = (): boolean => {
    const route = loadedHost ? (loadedHost.session.current.lastPlace.get()?.route ?? null) : lastPlaceRoute(prepared.file.db);
    return isLibraryAddress(route ?? '');
  };
  const loaded = (): Promise<LoadedHost> =>
    (loading ??= import('./dispatching')
      .then(
        (module) =>
          module
            .loadHost(prepared, sessionOptions, jobManager, services, uploads, downloads, { onInternalError: options.onInternalError })
            .then(async (host) => {
              const { TeamService } = await import('../team-client/team-service');
              team = new TeamService(host.session, () => web?.token ?? '');
              // A workspace joined in an earlier run reconnects to its team; calls need not wait for it.
              void team.resume().catch((error: unknown) => options.onInternalError?.('team start', error));
              loadedHost = host;
              return host;
            }),
        (error: unknown) => {
          prepared.file.db.close();
          prepared.lock?.release();
          throw error;
        },
      )
      .catch((error: unknown) => {
        options.onInternalError?.('host start', error);
        throw error;
      }));
  // Read through the contract, so a page is pushed exactly what `team.status` would answer.
  const teamStatus = new TeamStatusFeed({
    read: async () => {
      const answer = await (await loaded()).dispatcher.call('team.status', {});
      return answer.ok ? (answer.value as TeamStatusAnswer) : null;
    },
    hub: () => team?.hub() ?? null,
  });
  try {
    web = await startWebHost({
      dispatcher: () => loaded().then((host) => host.dispatcher),
      jobManager,
      downloads,
      uploads,
      rendererDir: options.rendererDir,
      port: options.port,
      teamRelay: (request, socket, head) => team?.handleUpgrade(request, socket, head) ?? false,
      opensOnLibrary,
      hostEvents: (send) => teamStatus.subscribe(send),
    });
  } catch (error) {
    prepared.file.db.close();
    prepared.lock?.release();
    downloads.dispose();
    uploads.dispose();
    await pdfPrinter.close();
    throw error;
  }
  // The page's first call starts the load (its script is served by then, and the host loads while
  // the page compiles it); a host nobody has called yet loads a moment after it starts listening.
  const unprompted = setTimeout(() => void loaded().catch(() => undefined), LOAD_UNPROMPTED_MS);
  const served = web;
  return {
    readOnly: prepared.lock === null,
    load: () => loaded().then((host) => host.session),
    team: () =>
      loaded().then(() => {
        if (!team) throw new Error('The team client did not load.');
        return team;
      }),
    port: served.port,
    token: served.token,
    url: served.url,
    async close() {
      clearTimeout(unprompted);
      // Handlers being built hook the final backup into the session: let them finish first.
      const host = await loaded().catch(() => null);
      teamStatus.close();
      await team?.close();
      await served.close();
      await pdfPrinter.close();
      downloads.dispose();
      uploads.dispose();
      // A changed workspace gets its final automatic backup before it closes.
      await host?.session.closeAsync();
    },
  };
}
