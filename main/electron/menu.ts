import { app, dialog, Menu, type BrowserWindow } from 'electron';
import type { Dispatcher } from '../../src/contract/dispatch';
import type { RecentWorkspaces } from '../recent-workspaces';
import { CHANNELS } from './app-location';
import { buildMenuTemplate } from './menu-template';

/** Installs the application menu; its commands go through the same contract as the UI. */
export function installMenu(dispatcher: Dispatcher, recent: RecentWorkspaces, mainWindow: () => BrowserWindow | null): () => void {
  const report = (result: Promise<unknown>): void => {
    void result.then(async (value) => {
      const wire = value as { ok: boolean; error?: { message: string; details?: { foreignSchema?: string[] } } };
      if (!wire.ok && wire.error?.details?.foreignSchema) await offerCleanedCopy(wire.error.message);
      else if (!wire.ok && wire.error) dialog.showErrorBox('Warrant', wire.error.message);
      rebuild();
    });
  };
  // A workspace refused for SQL Warrant did not create: the same offer as the renderer's dialog.
  const offerCleanedCopy = async (message: string): Promise<void> => {
    const options = {
      type: 'warning' as const,
      title: 'Warrant',
      message,
      buttons: ['Open a cleaned copy', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    };
    const owner = mainWindow();
    const { response } = await (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
    if (response !== 0) return;
    const opened = (await dispatcher.call('workspace.openCleanedCopy', {})) as { ok: boolean; error?: { message: string } };
    if (!opened.ok && opened.error) dialog.showErrorBox('Warrant', opened.error.message);
  };
  const rebuild = (): void => {
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: app.getName(),
      recent: recent.list(),
      isPackaged: app.isPackaged,
      actions: {
        newWorkspace: () => report(dispatcher.call('workspace.create', {})),
        openWorkspace: () => report(dispatcher.call('workspace.open', {})),
        openRecent: (index) => report(dispatcher.call('workspace.openRecent', { index })),
        // The page runs it from its command table: the same handler, checks and feedback as its shortcut.
        runCommand: (id) => mainWindow()?.webContents.send(CHANNELS.menuCommand, id),
        about: () => {
          const owner = mainWindow();
          const options = {
            type: 'info' as const,
            title: `About ${app.getName()}`,
            message: `${app.getName()} ${app.getVersion()}`,
            detail: `An offline workbench for intelligence analysts.\nElectron ${process.versions.electron ?? ''} · Chromium ${process.versions.chrome ?? ''} · Node ${process.versions.node}`,
          };
          void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  rebuild();
  return rebuild;
}
