// The desktop host's wiring, exercised without Electron (its binary cannot run here): the BUILT
// main bundle boots under Node with a recording stand-in for `electron`, and the BUILT preload
// runs in a vm context joined to the IPC handlers main registered. What Electron itself does with
// these settings (the real sandbox, native dialogs, printing, menus) only a run of the binary shows.
// The tests share one boot and run in order: start, then calls, then quit.
import Database from 'better-sqlite3';
import type { MenuItemConstructorOptions } from 'electron';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileFunction, createContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { menuAccelerator, type CommandId } from '../../src/commands/command-keys';
import type { WarrantBridge } from '../../src/contract/bridge';
import type { WireResult } from '../../src/contract/errors';
import { desktopBuild } from './helpers/builds';
import { ElectronStandIn, resolveElectronTo, StandInWebContents, type Callback, type IpcCaller } from './helpers/electron-stand-in';
import { TempDirs } from './helpers/temp-workspace';

const APP_PAGE = 'app://warrant/index.html';
const PAGE_HTML = '<!doctype html><title>Warrant</title><div id="root"></div>';
const VERSION = '9.9.9-wiring';
const SOURCE_TITLE = 'Wiring check: KCNA statement on the launch';

const temp = new TempDirs();
let build: string;
let electron: ElectronStandIn;
let userData: string;
let appEventsBeforeReady: string[];
let bridge: WarrantBridge;
let epoch: string | undefined;
let copyPath: string;
let relayHttpUrl: string;

/** Calls a callback main registered, with the arguments Electron would pass. */
const invoke = (callback: Callback | null | undefined, ...args: unknown[]): unknown => {
  if (!callback) throw new Error('Main registered no such callback.');
  return (callback as (...values: unknown[]) => unknown)(...args);
};

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (electron.errorBoxes.length > 0)
      throw new Error(`Main showed an error while waiting for ${what}: ${JSON.stringify(electron.errorBoxes)}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function mainWindow(): ElectronStandIn['windows'][number] {
  const [only] = electron.windows;
  if (!only) throw new Error('Main opened no window.');
  return only;
}

const appFrame = (): IpcCaller => ({ sender: mainWindow().window.webContents, senderFrame: { url: APP_PAGE, parent: null } });

/**
 * Runs the built preload as Electron runs a sandboxed one: CommonJS wrapped in a function, in a
 * context of its own without Node, whose `require` offers only electron.
 */
function runPreload(): void {
  const module = { exports: {} };
  const preload = compileFunction(readFileSync(join(build, 'preload.cjs'), 'utf8'), ['require', 'module', 'exports'], {
    parsingContext: createContext({}),
    filename: 'preload.cjs',
  });
  preload(electron.preloadRequire, module, module.exports);
}

function refused(result: WireResult): string {
  return result.ok ? 'accepted' : result.error.code;
}

beforeAll(async () => {
  build = desktopBuild();
  const appPath = temp.make();
  mkdirSync(join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), PAGE_HTML);
  userData = join(temp.make(), 'profile');
  // How the e2e harness points the real app at a throwaway profile; main must honour it before ready.
  vi.stubEnv('WARRANT_USER_DATA', userData);
  electron = new ElectronStandIn({ appPath, userData: join(appPath, 'not-the-profile'), version: VERSION });
  resolveElectronTo(electron, build);
  await import(pathToFileURL(join(build, 'main.js')).href);
  appEventsBeforeReady = electron.app.events();
  electron.becomeReady();
  await until(() => electron.windows.length > 0 || electron.exits.length > 0, 'the main window');
  expect(electron.exits).toEqual([]);
  runPreload();
  const exposed = electron.exposed.get('warrant');
  if (!exposed) throw new Error('The preload exposed no window.warrant.');
  bridge = exposed as WarrantBridge;
}, 30_000);

afterAll(async () => {
  // A failure before the quit test still closes the workspace and the print folder.
  if (electron && electron.quits === 0) {
    electron.app.emit('will-quit', { preventDefault: () => undefined });
    await until(() => electron.quits > 0, 'the quit after a failure').catch(() => undefined);
  }
  vi.unstubAllEnvs();
  temp.cleanup();
});

describe('the built desktop main, booted under Node with a recording electron stand-in', () => {
  it('registers app:// as privileged before the app is ready, takes the test profile, and listens for app events', () => {
    expect(electron.schemeRegistrations).toEqual([
      { schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }], beforeReady: true },
    ]);
    expect(appEventsBeforeReady).toEqual(
      expect.arrayContaining(['web-contents-created', 'second-instance', 'open-file', 'window-all-closed']),
    );
    expect(electron.paths.get('userData')).toBe(userData);
    expect(existsSync(join(userData, 'default.warrant'))).toBe(true);
  });

  it('serves the built renderer from app://warrant with the security headers, and nothing else', async () => {
    const serve = electron.protocolHandlers.get('app');
    if (!serve) throw new Error('app:// is not served.');
    for (const url of [APP_PAGE, 'app://warrant/']) {
      const page = await serve(new Request(url));
      expect(page.status, url).toBe(200);
      expect(await page.text()).toBe(PAGE_HTML);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    }
    const elsewhere = [
      'app://other/index.html',
      'app://warrant/missing.js',
      'app://warrant/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      'app://warrant/..%2fprofile',
    ];
    for (const url of elsewhere) expect((await serve(new Request(url))).status, url).toBe(404);
    expect((await serve(new Request(APP_PAGE, { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('opens one window: isolated, sandboxed, no Node, the built preload, showing only app://warrant', () => {
    expect(electron.windows).toHaveLength(1);
    const { options, window } = mainWindow();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.webPreferences?.preload).toBe(join(build, 'preload.cjs'));
    expect(existsSync(join(build, 'preload.cjs'))).toBe(true);
    expect(window.loadedUrls).toEqual([APP_PAGE]);
    expect(window.events()).toEqual(expect.arrayContaining(['ready-to-show', 'close', 'closed']));
    // The application menu went through Menu.setApplicationMenu.
    expect(JSON.stringify(electron.menus.at(-1))).toContain('Open Workspace…');
  });

  it('denies every permission and cancels every request that would leave the page', () => {
    const session = electron.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      invoke(session.permissionRequestHandler, mainWindow().window.webContents, permission, (answer: boolean) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(invoke(session.permissionCheckHandler, mainWindow().window.webContents, permission, 'app://warrant')).toBe(false);
    }
    expect(invoke(session.devicePermissionHandler, { deviceType: 'usb', origin: 'app://warrant' })).toBe(false);

    expect(session.requestFilters).toHaveLength(1);
    const [{ filter, listener }] = session.requestFilters as [(typeof session.requestFilters)[number]];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*']));
    expect(filter.urls.some((pattern) => pattern.startsWith('app:'))).toBe(false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let answer: unknown = null;
    invoke(listener, { url: 'https://tracker.example/pixel?case=secret' }, (response: unknown) => (answer = response));
    expect(answer).toEqual({ cancel: true });
    expect(warn.mock.calls.flat().join(' ')).not.toContain('secret');
    warn.mockRestore();
    // No bundled dictionaries in this build: the spell-checker is off rather than downloading any.
    expect(session.spellCheckerEnabled).toBe(process.platform === 'darwin');
  });

  it('keeps every web contents on the app: navigation away stopped, web links to the OS browser, new windows denied', () => {
    const contents = mainWindow().window.webContents;
    electron.app.emit('web-contents-created', {}, contents);
    const prevented = (event: string, url: string): boolean => {
      let stopped = false;
      contents.emit(event, { preventDefault: () => (stopped = true), url }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'app://warrant/index.html#/briefings/1')).toBe(false);
    expect(prevented('will-navigate', 'https://example.org/report')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-frame-navigate', 'https://example.org/frame')).toBe(true);
    expect(prevented('will-redirect', 'https://example.org/redirect')).toBe(true);
    expect(prevented('will-attach-webview', 'app://warrant/index.html')).toBe(true);
    expect(invoke(contents.windowOpenHandler, { url: 'https://example.org/new' })).toEqual({ action: 'deny' });
    expect(invoke(contents.windowOpenHandler, { url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    // Only the analyst's own link click and new-window request reach the OS browser.
    expect(electron.openedExternally).toEqual(['https://example.org/report', 'https://example.org/new']);
  });

  it('registers the contract’s IPC channels and no others', () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(['warrant:call', 'warrant:file', 'warrant:job', 'warrant:upload']);
  });

  it('runs the real preload as a sandboxed one: it needs only electron and exposes window.warrant alone', () => {
    expect(electron.preloadRequires).toEqual(['electron']);
    expect([...electron.exposed.keys()]).toEqual(['warrant']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'fetchFile', 'onJobEvent', 'onMenuCommand', 'startJob', 'uploadFile']);
  });

  it('takes every menu accelerator from the command table and sends the page the command id', () => {
    electron.caller = appFrame();
    const template = electron.menus.at(-1) as MenuItemConstructorOptions[];
    const items = template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    const byLabel = new Map(items.map((item) => [item.label, item]));
    // Each command the menu offers, by its label there: the accelerator is the table's, in Electron's notation.
    const offered: Record<string, CommandId> = {
      'New Workspace…': 'workspace.new',
      'Open Workspace…': 'workspace.open',
      'Save a Copy…': 'workspace.saveCopy',
      'Restore from Backup…': 'go.backups',
      'Command Palette…': 'palette.open',
      Library: 'go.library',
      Briefings: 'go.briefings',
      Trash: 'go.trash',
      Settings: 'go.settings',
      Tags: 'go.tags',
      Analysis: 'go.analysis',
      'Keyboard Shortcuts': 'shortcuts.show',
    };
    for (const [label, id] of Object.entries(offered)) expect(byLabel.get(label)?.accelerator, label).toBe(menuAccelerator(id));
    expect(byLabel.get('Command Palette…')?.accelerator).toBe('CmdOrCtrl+Shift+P');
    // No accelerator in the menu that is not a command's (Quit is the platform's own role).
    const accelerated = items.filter((item) => item.accelerator && item.role !== 'quit').map((item) => item.label);
    expect(accelerated.sort()).toEqual(
      Object.keys(offered)
        .filter((label) => byLabel.get(label)?.accelerator)
        .sort(),
    );

    const received: unknown[] = [];
    const stop = bridge.onMenuCommand((id) => received.push(id));
    for (const label of ['Save a Copy…', 'Restore from Backup…', 'Command Palette…', 'Briefings', 'Keyboard Shortcuts'])
      (byLabel.get(label)?.click as (() => void) | undefined)?.();
    stop();
    (byLabel.get('Library')?.click as (() => void) | undefined)?.();
    expect(received).toEqual(['workspace.saveCopy', 'go.backups', 'palette.open', 'go.briefings', 'shortcuts.show']);
  });

  it('round-trips contract calls through window.warrant to the workspace file', async () => {
    electron.caller = appFrame();
    const info = await bridge.call('host.info', {});
    if (!info.ok) throw new Error(info.error.message);
    expect(info.value).toMatchObject({
      appVersion: VERSION,
      capabilities: { nativeDialogs: true },
      workspace: { path: join(userData, 'default.warrant'), readOnly: false },
    });
    epoch = (info.value as { workspace: { epoch: string } }).workspace.epoch;

    const created = await bridge.call('sources.create', { draft: { title: SOURCE_TITLE, kind: 'news_report' } }, epoch);
    expect(created).toMatchObject({ ok: true, value: { title: SOURCE_TITLE, version: 1 } });
    const listed = await bridge.call('sources.list', {}, epoch);
    expect(listed).toMatchObject({ ok: true, value: { total: 1, items: [{ title: SOURCE_TITLE }] } });

    expect(refused(await bridge.call('sources.create', { draft: { title: '' } }, epoch))).toBe('invalid_input');
    expect(refused(await bridge.call('sources.list', {}, 'an-older-epoch'))).toBe('workspace_stale');
    expect(refused(await bridge.call('no.such.operation', {}, epoch))).toBe('unknown_operation');
    const upload = await bridge.uploadFile(new TextEncoder().encode('field notes'), 'notes.txt');
    expect(upload).toMatchObject({ ok: true, value: { uploadId: expect.any(String) } });
  });

  it('names its team relay to the page and lets only that socket out: the request filter, the CSP and the relay’s own checks', async () => {
    electron.caller = appFrame();
    const info = await bridge.call('host.info', {});
    if (!info.ok) throw new Error(info.error.message);
    const relay = (info.value as { teamRelay: { url: string; token: string } | null }).teamRelay;
    if (!relay) throw new Error('The desktop host named no team relay.');
    const origin = relay.url.replace('/team-relay', '');
    expect(origin).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);

    const [{ listener }] = electron.defaultSession.requestFilters as [(typeof electron.defaultSession.requestFilters)[number]];
    const decide = (url: string): unknown => {
      let answer: unknown = null;
      invoke(listener, { url }, (response: unknown) => (answer = response));
      return answer;
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(decide(relay.url)).toEqual({});
    expect(decide(`${origin}/other`)).toEqual({ cancel: true });
    expect(decide(relay.url.replace(/:\d+\//, ':1/'))).toEqual({ cancel: true });
    warn.mockRestore();

    const page = await electron.protocolHandlers.get('app')?.(new Request(APP_PAGE));
    expect(page?.headers.get('content-security-policy')).toContain(`connect-src 'self' ${origin};`);
    // A solo workspace runs no hub: even the app's own page is refused (the secret is checked by the hub).
    const status = await new Promise<number | 'opened'>((settle) => {
      const socket = new WebSocket(relay.url, { origin: 'app://warrant' });
      socket.on('open', () => (settle('opened'), socket.terminate()));
      socket.on('unexpected-response', (_request, response) => settle(response.statusCode ?? 0));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(403);
    relayHttpUrl = relay.url.replace('ws:', 'http:');
  });

  it('refuses every channel to a frame that is not the app’s own top frame, and nothing changes', async () => {
    const otherContents = new StandInWebContents(() => undefined);
    const strangers: [string, IpcCaller][] = [
      ['a page from the web', { sender: mainWindow().window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } }],
      ['a subframe showing the app', { sender: mainWindow().window.webContents, senderFrame: { url: APP_PAGE, parent: {} } }],
      ['another web contents', { sender: otherContents, senderFrame: { url: APP_PAGE, parent: null } }],
      ['a frame already gone', { sender: mainWindow().window.webContents, senderFrame: null }],
    ];
    for (const [who, caller] of strangers) {
      electron.caller = caller;
      expect(refused(await bridge.call('sources.create', { draft: { title: 'Planted' } }, epoch)), who).toBe('unauthorized');
      expect(refused(await bridge.startJob('workspace.saveCopy', {}, epoch)), who).toBe('unauthorized');
      expect(refused(await bridge.uploadFile(new Uint8Array([1]), 'x.txt')), who).toBe('unauthorized');
      await expect(bridge.fetchFile({ fileId: 'any', name: 'x.txt', size: 1, mediaType: 'text/plain' }), who).rejects.toThrow('Refused');
    }
    electron.caller = appFrame();
    expect(await bridge.call('sources.list', {}, epoch)).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('runs a job over IPC and pushes its events to the page: a copy saved where the native dialog says', async () => {
    electron.caller = appFrame();
    const copy = join(temp.make(), 'Copy of case.warrant');
    copyPath = copy;
    electron.saveAnswers.push(copy);
    const events: { type?: string; result?: unknown }[] = [];
    const stop = bridge.onJobEvent((event) => events.push(event as (typeof events)[number]));
    const started = await bridge.startJob('workspace.saveCopy', {}, epoch);
    expect(started).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
    await until(() => events.some((event) => event.type === 'succeeded' || event.type === 'failed'), 'the job to end');
    stop();
    expect(events.at(-1)).toEqual(expect.objectContaining({ type: 'succeeded', result: { delivery: 'saved', path: copy } }));
    expect(existsSync(copy)).toBe(true);
  });

  it('opens a workspace the OS hands over (open-file, a second launch): switches, loads the page afresh, lists it as recent', async () => {
    electron.caller = appFrame();
    const { window } = mainWindow();
    const openPath = async (): Promise<string> => {
      const info = await bridge.call('host.info', {});
      if (!info.ok) throw new Error(info.error.message);
      return (info.value as { workspace: { path: string } }).workspace.path;
    };
    electron.app.emit('open-file', { preventDefault: () => undefined }, copyPath);
    expect(await openPath()).toBe(copyPath);
    // The entry without an address, so the page opens where the analyst last was in that workspace.
    expect(window.webContents.loadedUrls).toEqual(['app://warrant/index.html']);
    expect(JSON.stringify(electron.menus.at(-1))).toContain(copyPath);

    const missing = join(userData, 'gone.warrant');
    electron.app.emit('open-file', { preventDefault: () => undefined }, missing);
    expect(electron.errorBoxes.splice(0)).toEqual([{ title: 'Warrant', content: expect.stringContaining('gone.warrant') }]);
    expect(await openPath()).toBe(copyPath);

    const defaultPath = join(userData, 'default.warrant');
    electron.app.emit('second-instance', {}, ['/opt/Warrant/warrant', '--workspace', defaultPath]);
    expect(window.focused).toBe(1);
    expect(await openPath()).toBe(defaultPath);
    expect(window.webContents.loadedUrls).toEqual(['app://warrant/index.html', 'app://warrant/index.html']);
    // The page loads again on a switch; until then its old epoch is refused.
    expect(refused(await bridge.call('sources.list', {}, epoch))).toBe('workspace_stale');
  });

  it('on quit, waits for the workspace to close, then quits; what was written is in the file', async () => {
    let deferred = false;
    electron.app.emit('will-quit', { preventDefault: () => (deferred = true) });
    expect(deferred).toBe(true);
    await until(() => electron.quits > 0, 'the real quit');
    const workspace = join(userData, 'default.warrant');
    expect(existsSync(`${workspace}.lock`)).toBe(false);
    // The team relay stopped listening with the app.
    await expect(fetch(relayHttpUrl)).rejects.toThrow();
    expect(existsSync(`${copyPath}.lock`)).toBe(false);
    const db = new Database(workspace, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT title FROM sources').pluck().all()).toEqual([SOURCE_TITLE]);
    } finally {
      db.close();
    }
    expect(electron.errorBoxes).toEqual([]);
    expect(electron.exits).toEqual([]);
  });
});
