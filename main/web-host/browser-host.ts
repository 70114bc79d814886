import type { Dispatcher } from '../../src/contract/dispatch';
import { JobManager } from '../../src/contract/job-manager';
import { APP_VERSION } from '../app-version';
import type { HostServices } from '../handlers';
import { WorkspaceSession } from '../workspace-session';
import { DownloadStore } from '../downloads';
import { UploadStore } from '../uploads';
import { PlaywrightPrinter } from '../export/playwright-printer';
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
  const services: HostServices = {
    appVersion: APP_VERSION,
    dialogs: null,
    pdfPrinter,
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
    (loading ??= import('./dispatching').then((module) =>
      module.createHostDispatcher(session, jobManager, services, uploads, downloads, {
        onInternalError: options.onInternalError,
        epoch: session.epochSource,
      }),
    ));
  let web: WebHost;
  try {
    web = await startWebHost({ dispatcher, jobManager, downloads, uploads, rendererDir: options.rendererDir, port: options.port });
  } catch (error) {
    session.close();
    downloads.dispose();
    uploads.dispose();
    await pdfPrinter.close();
    throw error;
  }
  // After the caller's own continuation (which prints the address), not before it.
  setImmediate(() => void dispatcher().catch((error: unknown) => options.onInternalError?.('host start', error)));
  return {
    session,
    port: web.port,
    token: web.token,
    url: web.url,
    async close() {
      // Handlers being built hook the final backup into the session: let them finish first.
      await dispatcher().catch(() => undefined);
      await web.close();
      await pdfPrinter.close();
      downloads.dispose();
      uploads.dispose();
      // A changed workspace gets its final automatic backup before it closes.
      await session.closeAsync();
    },
  };
}
