import type { MenuItemConstructorOptions } from 'electron';
import { menuAccelerator, type MenuCommandId, type RendererMenuCommandId } from '../../src/commands/command-keys';
import type { RecentWorkspace } from '../../src/contract/operations';

/**
 * What the menu's items do. Workspace switching runs here in the main process; the other commands
 * are sent to the page by id and run from its command table, exactly as their shortcuts do there.
 */
export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(index: number): void;
  runCommand(id: RendererMenuCommandId): void;
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

/** A menu item for a command of the shared table: its accelerator comes from the table too. */
function commandItem(id: MenuCommandId, label: string, click: () => void): MenuItemConstructorOptions {
  return { label, accelerator: menuAccelerator(id), click };
}

/** The application menu, with each platform's usual roles and the command table's accelerators. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const { actions, platform } = context;
  const send = (id: RendererMenuCommandId, label: string): MenuItemConstructorOptions =>
    commandItem(id, label, () => actions.runCommand(id));
  const isMac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] =
    context.recent.length === 0
      ? [{ label: 'No recent workspaces', enabled: false }]
      : context.recent.map((item, index) => ({ label: item.name, toolTip: item.path, click: () => actions.openRecent(index) }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      commandItem('workspace.new', 'New Workspace…', actions.newWorkspace),
      commandItem('workspace.open', 'Open Workspace…', actions.openWorkspace),
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      send('workspace.saveCopy', 'Save a Copy…'),
      send('go.backups', 'Restore from Backup…'),
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
      send('palette.open', 'Command Palette…'),
      { type: 'separator' },
      ...(context.isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: '&Go',
    submenu: [
      send('go.library', 'Library'),
      send('go.briefings', 'Briefings'),
      send('go.trash', 'Trash'),
      send('go.settings', 'Settings'),
      send('go.tags', 'Tags'),
      send('go.analysis', 'Analysis'),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [send('shortcuts.show', 'Keyboard Shortcuts'), { label: `About ${context.appName}`, click: actions.about }],
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
  return isMac ? [macApp, file, edit, view, go, { role: 'windowMenu' }, help] : [file, edit, view, go, help];
}
