import type { MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceFromArgv } from '../../main/electron/argv';
import { buildMenuTemplate, type MenuActions } from '../../main/electron/menu-template';
import { chooseNativeBinding, electronBindingPath } from '../../main/electron/native-binding';
import { blockedRequestLabel } from '../../main/electron/request-log';
import { spellcheckPolicy } from '../../main/electron/spellcheck-policy';
import { DEFAULT_SIZE, parseWindowState, placeWindow } from '../../main/electron/window-state';
import { withRecent } from '../../main/recent-workspaces';

describe('workspaceFromArgv', () => {
  it('takes a .warrant file the OS passed, or --workspace, the last one winning', () => {
    expect(workspaceFromArgv(['/opt/Warrant/warrant', '/home/a/case.warrant'])).toBe('/home/a/case.warrant');
    expect(workspaceFromArgv(['electron', 'dist/desktop/main.js', '--workspace', '/tmp/x.warrant'])).toBe('/tmp/x.warrant');
    expect(workspaceFromArgv(['app', '--workspace=/tmp/y.warrant'])).toBe('/tmp/y.warrant');
    expect(workspaceFromArgv(['app', 'C:\\Cases\\Korea.WARRANT', '--workspace', '/tmp/z.warrant'])).toBe('/tmp/z.warrant');
  });

  it('ignores flags, other files and a dangling --workspace', () => {
    expect(workspaceFromArgv(['app', '--no-sandbox', '--inspect=9229', 'notes.txt'])).toBeNull();
    expect(workspaceFromArgv(['app', '--workspace'])).toBeNull();
    expect(workspaceFromArgv(['app', '--workspace='])).toBeNull();
    expect(workspaceFromArgv(['app', '--weird.warrant'])).toBeNull();
  });
});

describe('chooseNativeBinding', () => {
  const root = '/checkout';
  const electron = { electron: '45.5.0', platform: 'linux', arch: 'x64', isPackaged: false };
  const built = electronBindingPath(root, electron, '45.5.0');

  it('uses node_modules under Node and in a packaged app (rebuilt by the packager)', () => {
    expect(chooseNativeBinding(root, { ...electron, electron: undefined }, () => false)).toEqual({ ok: true, nativeBinding: undefined });
    expect(chooseNativeBinding(root, { ...electron, isPackaged: true }, () => false)).toEqual({ ok: true, nativeBinding: undefined });
  });

  it('uses the separate Electron build in a checkout, keyed by version, platform and arch', () => {
    expect(built).toBe(join(root, 'native', 'electron-45.5.0-linux-x64', 'better_sqlite3.node'));
    expect(chooseNativeBinding(root, electron, (path) => path === built)).toEqual({ ok: true, nativeBinding: built });
    const otherVersion = electronBindingPath(root, electron, '44.0.0');
    expect(chooseNativeBinding(root, electron, (path) => path === otherVersion).ok).toBe(false);
  });

  it('explains how to build it when it is missing', () => {
    const choice = chooseNativeBinding(root, electron, () => false);
    expect(choice.ok).toBe(false);
    if (!choice.ok) {
      expect(choice.message).toContain(built);
      expect(choice.message).toContain('npm run desktop:native');
    }
  });
});

describe('window placement', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };

  it('restores a window that is still on a screen', () => {
    const saved = { bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true };
    expect(placeWindow(saved, [screen])).toEqual(saved);
  });

  it('recentres a window whose screen is gone, keeping maximised', () => {
    const saved = { bounds: { x: 2500, y: 100, width: 1000, height: 700 }, maximized: true };
    const placed = placeWindow(saved, [screen]);
    expect(placed.bounds).toEqual({ x: (1920 - DEFAULT_SIZE.width) / 2, y: (1080 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE });
    expect(placed.maximized).toBe(true);
  });

  it('fits the default window to a small screen', () => {
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 600 }]).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
  });

  it('ignores malformed saved state', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 'wide', height: 10 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 50, height: 50 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: 'yes' })).toEqual({
      bounds: { x: 1, y: 2, width: 800, height: 600 },
      maximized: false,
    });
  });
});

describe('spellcheckPolicy', () => {
  it('never downloads dictionaries: OS checker on macOS, bundled ones or none elsewhere', () => {
    expect(spellcheckPolicy('darwin', false, 'app://warrant/')).toEqual({ enabled: true, dictionaryUrl: null });
    expect(spellcheckPolicy('linux', false, 'app://warrant/')).toEqual({ enabled: false, dictionaryUrl: 'app://warrant/dictionaries/' });
    expect(spellcheckPolicy('win32', true, 'app://warrant/')).toEqual({ enabled: true, dictionaryUrl: 'app://warrant/dictionaries/' });
  });
});

describe('recent workspaces', () => {
  it('moves a reopened workspace to the top without duplicates, capped', () => {
    expect(withRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    expect(withRecent(['/a', '/b'], '/c', 2)).toEqual(['/c', '/a']);
  });
});

describe('application menu', () => {
  const calls: string[] = [];
  const actions: MenuActions = {
    newWorkspace: () => calls.push('new'),
    openWorkspace: () => calls.push('open'),
    openRecent: (index) => calls.push(`recent:${index}`),
    runCommand: (id) => calls.push(id),
    about: () => calls.push('about'),
  };
  const recent = [
    { name: 'korea.warrant', path: '/cases/korea.warrant' },
    { name: 'japan.warrant', path: '/cases/japan.warrant' },
  ];
  const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
    Array.isArray(item?.submenu) ? item.submenu : [];
  const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((item) => item.label === label);
  const click = (item: MenuItemConstructorOptions | undefined): void => {
    (item?.click as (() => void) | undefined)?.();
  };

  it('has File, Edit, View, Go and Help on Windows and Linux, with Quit in File', () => {
    const menu = buildMenuTemplate({ platform: 'linux', appName: 'Warrant', recent, isPackaged: true, actions });
    expect(menu.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Go', '&Help']);
    const file = submenu(menu[0]);
    expect(file.filter((item) => item.label).map((item) => [item.label, item.accelerator])).toEqual([
      ['New Workspace…', 'CmdOrCtrl+Shift+N'],
      ['Open Workspace…', 'CmdOrCtrl+O'],
      ['Open Recent', undefined],
      ['Save a Copy…', 'CmdOrCtrl+Shift+S'],
      ['Restore from Backup…', undefined],
      ['Quit', 'Ctrl+Q'],
    ]);
    expect(submenu(menu[1]).map((item) => item.role ?? item.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'separator',
      'selectAll',
    ]);
    expect(
      submenu(menu[2])
        .map((item) => item.role)
        .filter(Boolean),
    ).not.toContain('toggleDevTools');
  });

  it('puts About and Quit in the app menu on macOS and adds the Window menu', () => {
    const menu = buildMenuTemplate({ platform: 'darwin', appName: 'Warrant', recent, isPackaged: true, actions });
    expect(menu.map((item) => item.label ?? item.role)).toEqual(['Warrant', '&File', '&Edit', '&View', '&Go', 'windowMenu', '&Help']);
    expect(submenu(menu[0]).some((item) => item.role === 'quit')).toBe(true);
    expect(submenu(menu[1]).some((item) => item.role === 'quit')).toBe(false);
  });

  it('wires every command to its action, recent entries by index', () => {
    calls.length = 0;
    const menu = buildMenuTemplate({ platform: 'win32', appName: 'Warrant', recent, isPackaged: false, actions });
    const file = submenu(menu[0]);
    click(byLabel(file, 'New Workspace…'));
    click(byLabel(file, 'Open Workspace…'));
    click(byLabel(file, 'Save a Copy…'));
    click(byLabel(file, 'Restore from Backup…'));
    const recentMenu = submenu(byLabel(file, 'Open Recent'));
    expect(recentMenu.map((item) => [item.label, item.toolTip])).toEqual([
      ['korea.warrant', '/cases/korea.warrant'],
      ['japan.warrant', '/cases/japan.warrant'],
    ]);
    click(recentMenu[1]);
    click(byLabel(submenu(menu[2]), 'Command Palette…'));
    for (const item of submenu(menu[3])) click(item);
    click(byLabel(submenu(menu[4]), 'Keyboard Shortcuts'));
    click(byLabel(submenu(menu[4]), 'About Warrant'));
    expect(calls).toEqual([
      'new',
      'open',
      'workspace.saveCopy',
      'go.backups',
      'recent:1',
      'palette.open',
      'go.library',
      'go.briefings',
      'go.trash',
      'go.settings',
      'go.tags',
      'go.analysis',
      'shortcuts.show',
      'about',
    ]);
    expect(submenu(menu[2]).map((item) => item.role)).toContain('toggleDevTools');
  });

  it('says so when there are no recent workspaces', () => {
    const menu = buildMenuTemplate({ platform: 'linux', appName: 'Warrant', recent: [], isPackaged: true, actions });
    expect(submenu(byLabel(submenu(menu[0]), 'Open Recent'))).toEqual([{ label: 'No recent workspaces', enabled: false }]);
  });
});

describe('blockedRequestLabel', () => {
  it('logs where a blocked request was going, never its query or fragment', () => {
    expect(blockedRequestLabel('https://203.0.113.9/beacon.png?user=alice#x')).toBe('https://203.0.113.9/beacon.png');
    expect(blockedRequestLabel('ws://example.org:8080/socket')).toBe('ws://example.org:8080/socket');
    expect(blockedRequestLabel('not a url')).toBe('an unparseable address');
  });
});
