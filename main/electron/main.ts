// Warrant's desktop host: thin wiring of Electron to the same contract, store and security
// rules the browser host uses. Everything with logic lives in tested, Electron-free modules.
import { app, dialog, session as electronSession, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCleanedCopy } from '../../db/clean-copy';
import { createDispatcher } from '../../src/contract/dispatch';
import { WarrantError } from '../../src/contract/errors';
import { JobManager } from '../../src/contract/job-manager';
import { DownloadStore } from '../downloads';
import { UploadStore } from '../uploads';
import { createHandlers, type HostServices } from '../handlers';
import { DEFAULT_WORKSPACE_NAME, ensurePrivateDataDir } from '../paths';
import { RecentWorkspaces } from '../recent-workspaces';
import { WorkspaceSession } from '../workspace-session';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { workspaceFromArgv } from './argv';
import { createNativeDialogs } from './dialogs';
import { ElectronPrinter } from './electron-printer';
import { hardenSession, hardenWebContents } from './guards';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { chooseNativeBinding } from './native-binding';
import { spellcheckPolicy } from './spellcheck-policy';
import { createMainWindow } from './window';
import { APP_ENTRY_URL, APP_LOCATION } from './app-location';
import { DesktopTeam } from './desktop-team';
import { isRelayRequest } from './relay-policy';

const ROOT = app.getAppPath();
const HERE = fileURLToPath(new URL('.', import.meta.url));
// Tests point the app at a throwaway profile; set before anything reads userData.
if (process.env.WARRANT_USER_DATA) app.setPath('userData', process.env.WARRANT_USER_DATA);

registerAppScheme();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

let mainWindow: BrowserWindow | null = null;
let session: WorkspaceSession | null = null;
const pendingFiles: string[] = [];

function openRequested(path: string): void {
  if (!session) {
    pendingFiles.push(path);
    return;
  }
  const current = session;
  try {
    current.switchTo(path, false);
  } catch (error) {
    if (!offerCleanedCopy(error)) {
      dialog.showErrorBox('Warrant', error instanceof WarrantError ? error.message : String(error));
      return;
    }
    const cleaned = cleanedCopyOf(path, current.nativeBinding);
    if (cleaned === null) return;
    try {
      current.switchTo(cleaned, false);
    } catch (openError) {
      dialog.showErrorBox('Warrant', openError instanceof WarrantError ? openError.message : String(openError));
    }
  }
}

/** Writes the cleaned copy beside `path`; null (after saying why) when it cannot be made. */
function cleanedCopyOf(path: string, nativeBinding: string | undefined): string | null {
  try {
    return writeCleanedCopy(path, nativeBinding);
  } catch (error) {
    dialog.showErrorBox('Warrant', error instanceof WarrantError ? error.message : String(error));
    return null;
  }
}

/** A workspace refused for holding SQL Warrant did not create: asks whether to open a cleaned copy instead. */
function offerCleanedCopy(error: unknown): boolean {
  if (!(error instanceof WarrantError) || !error.details?.foreignSchema) return false;
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    title: 'Warrant',
    message: error.message,
    buttons: ['Open a cleaned copy', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  });
  return choice === 0;
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  ensurePrivateDataDir(userData);
  const binding = chooseNativeBinding(
    ROOT,
    { electron: process.versions.electron, platform: process.platform, arch: process.arch, isPackaged: app.isPackaged },
    existsSync,
  );
  if (!binding.ok) {
    dialog.showErrorBox('Warrant cannot start', binding.message);
    app.exit(1);
    return;
  }

  // The team relay listens first: the page's CSP and the request filter name its port.
  const team = await DesktopTeam.listen({
    appOrigin: `${APP_LOCATION.protocol}//${APP_LOCATION.host}`,
    onError: (what, error) =>
      console.error(`Warrant could not ${what === 'team start' ? 'reconnect to its team' : 'close its team link'}:`, error),
  });
  const rendererDir = join(ROOT, 'dist', 'renderer');
  const spellcheck = spellcheckPolicy(process.platform, existsSync(join(rendererDir, 'dictionaries')), 'app://warrant/');
  hardenSession(electronSession.defaultSession, (url) => isRelayRequest(url, team.relayOrigin));
  if (spellcheck.dictionaryUrl) electronSession.defaultSession.setSpellCheckerDictionaryDownloadURL(spellcheck.dictionaryUrl);
  electronSession.defaultSession.setSpellCheckerEnabled(spellcheck.enabled);
  serveAppScheme(rendererDir, team.relayOrigin);

  const recent = new RecentWorkspaces(join(userData, 'recent-workspaces.json'));
  const requested = workspaceFromArgv(process.argv) ?? pendingFiles.shift() ?? null;
  const defaultPath = join(userData, DEFAULT_WORKSPACE_NAME);
  // The menu lists recent workspaces, so it is rebuilt after every switch.
  const menu = { rebuild: (): void => undefined };
  const openSession = (path: string, create: boolean, readOnly = false): WorkspaceSession =>
    new WorkspaceSession(path, { create, nativeBinding: binding.nativeBinding, lockAs: 'desktop app', readOnly }, recent, () => {
      menu.rebuild();
      // Another file's team is another team: its hub starts and the previous one closes.
      if (session) team.workspaceChanged(session);
      // Loaded without an address: the page opens where the analyst last was in the workspace it
      // switched to (a reload would keep the address of a record in the previous one).
      void mainWindow?.webContents.loadURL(APP_ENTRY_URL);
    });
  // A workspace another Warrant holds can still be read: ask, rather than open something else.
  const openOrAsk = (path: string, create: boolean): WorkspaceSession => {
    try {
      return openSession(path, create);
    } catch (error) {
      if (!(error instanceof WarrantError) || error.code !== 'workspace_locked') throw error;
      const choice = dialog.showMessageBoxSync({
        type: 'warning',
        title: 'Warrant',
        message: error.message,
        buttons: ['Open read-only', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      });
      if (choice !== 0) {
        app.exit(0);
        throw error;
      }
      return openSession(path, false, true);
    }
  };
  try {
    session = openOrAsk(requested ?? defaultPath, requested === null);
  } catch (error) {
    if (requested === null) throw error;
    const cleaned = offerCleanedCopy(error) ? cleanedCopyOf(requested, binding.nativeBinding) : null;
    if (cleaned !== null) {
      session = openOrAsk(cleaned, false);
    } else {
      dialog.showErrorBox(
        'Warrant',
        `${error instanceof Error ? error.message : String(error)}\n\nOpening your default workspace instead.`,
      );
      session = openOrAsk(defaultPath, true);
    }
  }

  team.open(session);

  const jobs = new JobManager();
  const downloads = new DownloadStore();
  const uploads = new UploadStore();
  const dialogs = createNativeDialogs(() => mainWindow);
  const pdfPrinter = new ElectronPrinter();
  const services: HostServices = {
    appVersion: app.getVersion(),
    dialogs,
    pdfPrinter,
    get team() {
      return team.current;
    },
    teamRelay: team.relay,
    async deliverCopy(workspace, control) {
      const path = await dialogs.pickCopyPath(workspace.name.replace(/\.warrant$/i, ' copy.warrant'));
      await workspace.saveCopy(path, {
        onProgress: (done, total) => control.progress(done, total, 'Copying pages'),
        isCancelled: () => control.cancelled,
        leaveTeam: true,
      });
      return { delivery: 'saved', path };
    },
  };
  const { handlers, jobHandlers } = createHandlers(session, jobs, services, uploads, downloads);
  const dispatcher = createDispatcher(handlers, jobHandlers, jobs, {
    onInternalError: (operation, error) => console.error(`Internal error in ${operation}:`, error),
    epoch: session.epochSource,
  });
  registerIpc(dispatcher, jobs, { downloads, uploads }, () => mainWindow);
  menu.rebuild = installMenu(dispatcher, recent, () => mainWindow);

  mainWindow = createMainWindow({
    preload: join(HERE, 'preload.cjs'),
    stateFile: join(userData, 'window-state.json'),
    spellcheck: spellcheck.enabled,
  });
  mainWindow.on('closed', () => (mainWindow = null));
  for (const path of pendingFiles.splice(0)) openRequested(path);

  // Quitting waits once for the final automatic backup of a changed workspace, then quits for real.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    downloads.dispose();
    uploads.dispose();
    void pdfPrinter.close();
    // The team's documents are folded into the workspace file before it closes.
    void team
      .close()
      .catch(() => undefined)
      .then(() => session?.closeAsync())
      .finally(() => app.quit());
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const path = workspaceFromArgv(argv);
    if (path) openRequested(path);
  });
  // macOS hands files over by event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openRequested(path);
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Warrant cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
