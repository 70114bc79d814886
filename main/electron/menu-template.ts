import type { MenuItemConstructorOptions } from 'electron';
import type { RecentWorkspace } from '../../src/contract/operations';

/** What the menu's own commands do; the renderer offers the same commands as in-app controls. */
export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(index: number): void;
  saveCopy(): void;
  restoreFromBackup(): void;
  about(): void;
}

export interface MenuContext {
  platform: string;
  appName: string;
  recent: readonly RecentWorkspace[];
  /** Developer tools and reload only outside packaged builds. */
  isPackaged: boolean;
  actions: MenuActions;
}

/** The application menu, with each platform's usual accelerators and roles. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const { actions, platform } = context;
  const isMac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] =
    context.recent.length === 0
      ? [{ label: 'No recent workspaces', enabled: false }]
      : context.recent.map((item, index) => ({ label: item.name, toolTip: item.path, click: () => actions.openRecent(index) }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newWorkspace },
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveCopy },
      { label: 'Restore from Backup…', click: actions.restoreFromBackup },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(context.isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: `About ${context.appName}`, click: actions.about }],
  };
  const macApp: MenuItemConstructorOptions = {
    label: context.appName,
    submenu: [
      { label: `About ${context.appName}`, click: actions.about },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return isMac ? [macApp, file, edit, view, { role: 'windowMenu' }, help] : [file, edit, view, help];
}
