// A recording stand-in for the `electron` module, so the BUILT desktop bundle can boot under Node
// (the Electron binary cannot run on the test machines). It records what main asks of Electron and
// keeps the callbacks main registers so the test can raise Electron's events itself. It decides
// nothing: every deny, cancel and refusal a test sees was decided by Warrant's code.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Callbacks as main registers them; the test calls them with the arguments Electron would pass. */
export type Callback = (...args: never[]) => unknown;
type Invocable = (...args: unknown[]) => unknown;

const invocable = (callback: Callback): Invocable => callback as Invocable;

/** Listeners by event name, in the order added; `emit` is the test raising an Electron event. */
export class Emitter {
  private readonly listeners = new Map<string, Invocable[]>();

  on(event: string, listener: Callback): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), invocable(listener)]);
    return this;
  }

  once(event: string, listener: Callback): this {
    const wrapped = (...args: unknown[]): unknown => {
      this.removeListener(event, wrapped);
      return invocable(listener)(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Callback): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((entry) => entry !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  events(): string[] {
    return [...this.listeners].filter(([, list]) => list.length > 0).map(([event]) => event);
  }
}

export class StandInSession {
  permissionRequestHandler: Callback | null = null;
  permissionCheckHandler: Callback | null = null;
  devicePermissionHandler: Callback | null = null;
  readonly requestFilters: { filter: { urls: string[] }; listener: Callback }[] = [];
  spellCheckerEnabled: boolean | null = null;
  dictionaryUrl: string | null = null;
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: Callback): void => {
      this.requestFilters.push({ filter, listener });
    },
  };

  setPermissionRequestHandler(handler: Callback): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Callback): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Callback): void {
    this.devicePermissionHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled;
  }
  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.dictionaryUrl = url;
  }
}

export class StandInWebContents extends Emitter {
  windowOpenHandler: Callback | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  /** Addresses main loaded into the page after the window's first (a workspace switch loads the entry again). */
  readonly loadedUrls: string[] = [];

  constructor(private readonly deliver: (contents: StandInWebContents, channel: string, args: unknown[]) => void) {
    super();
  }

  setWindowOpenHandler(handler: Callback): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    this.deliver(this, channel, args);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  executeJavaScript(): Promise<void> {
    return Promise.resolve();
  }
}

/** Window options as main passed them; only the fields the test reads are typed. */
export interface WindowOptions {
  show?: boolean;
  webPreferences?: Record<string, unknown> & { preload?: string };
}

/** Which frame an IPC message comes from: what Electron puts on the event as sender and senderFrame. */
export interface IpcCaller {
  sender: StandInWebContents;
  senderFrame: { url: string; parent: object | null } | null;
}

export interface StandInOptions {
  appPath: string;
  userData: string;
  version: string;
}

/** Every name main.js and preload.cjs import from `electron`; a name missing here fails the import. */
const EXPORTS = [
  'app',
  'BrowserWindow',
  'contextBridge',
  'dialog',
  'ipcMain',
  'ipcRenderer',
  'Menu',
  'protocol',
  'screen',
  'session',
  'shell',
] as const;
const GLOBAL_KEY = Symbol.for('warrant.test.electronStandIn');

export class ElectronStandIn {
  readonly paths = new Map<string, string>();
  ready = false;
  readonly schemeRegistrations: { schemes: unknown; beforeReady: boolean }[] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly ipcHandlers = new Map<string, Callback>();
  readonly windows: {
    options: WindowOptions;
    window: Emitter & { webContents: StandInWebContents; loadedUrls: string[]; focused: number };
  }[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly messageBoxes: unknown[] = [];
  readonly openedExternally: string[] = [];
  readonly menus: unknown[] = [];
  readonly exits: number[] = [];
  quits = 0;
  readonly defaultSession = new StandInSession();
  readonly partitions = new Map<string, StandInSession>();
  /** Paths the next save dialogs answer with, in order; none left means the user cancelled. */
  readonly saveAnswers: string[] = [];
  /** Renderer side: what the preload exposed and which modules it asked for. */
  readonly exposed = new Map<string, unknown>();
  readonly preloadRequires: string[] = [];
  /** The frame the next ipcRenderer message comes from; the test sets it. */
  caller: IpcCaller | null = null;
  private readonly rendererListeners: { channel: string; listener: Invocable }[] = [];
  private markReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(private readonly options: StandInOptions) {
    this.paths.set('userData', options.userData);
  }

  /** Raises "ready": main's whenReady() resolves and its start runs. */
  becomeReady(): void {
    this.ready = true;
    this.markReady();
  }

  /** The object main's `import … from 'electron'` sees. */
  exports(): Record<(typeof EXPORTS)[number], unknown> {
    return {
      app: this.app,
      BrowserWindow: this.browserWindowClass(),
      contextBridge: this.contextBridge,
      dialog: this.dialog,
      ipcMain: this.ipcMain,
      ipcRenderer: this.ipcRenderer,
      Menu: this.menu,
      protocol: this.protocol,
      screen: this.screen,
      session: this.session,
      shell: this.shell,
    };
  }

  /** The `require` a sandboxed preload gets: only `electron` is there to ask for. */
  readonly preloadRequire = (name: string): unknown => {
    this.preloadRequires.push(name);
    if (name !== 'electron') throw new Error(`The sandboxed preload asked for “${name}”, which it cannot load.`);
    return this.exports();
  };

  readonly app = Object.assign(new Emitter(), {
    isPackaged: false,
    getAppPath: (): string => this.options.appPath,
    getPath: (name: string): string => {
      const path = this.paths.get(name);
      if (path === undefined) throw new Error(`The stand-in has no path “${name}”.`);
      return path;
    },
    setPath: (name: string, path: string): void => void this.paths.set(name, path),
    getVersion: (): string => this.options.version,
    getName: (): string => 'Warrant',
    requestSingleInstanceLock: (): boolean => true,
    whenReady: (): Promise<void> => this.readyPromise,
    quit: (): void => void (this.quits += 1),
    exit: (code = 0): void => void this.exits.push(code),
  });

  private readonly protocol = {
    registerSchemesAsPrivileged: (schemes: unknown): void => void this.schemeRegistrations.push({ schemes, beforeReady: !this.ready }),
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>): void =>
      void this.protocolHandlers.set(scheme, handler),
  };

  private readonly session = {
    defaultSession: this.defaultSession,
    fromPartition: (partition: string): StandInSession => {
      const existing = this.partitions.get(partition) ?? new StandInSession();
      this.partitions.set(partition, existing);
      return existing;
    },
  };

  private readonly ipcMain = {
    handle: (channel: string, handler: Callback): void => {
      if (this.ipcHandlers.has(channel)) throw new Error(`A second handler for “${channel}”.`);
      this.ipcHandlers.set(channel, handler);
    },
  };

  private readonly dialog = {
    showErrorBox: (title: string, content: string): void => void this.errorBoxes.push({ title, content }),
    showMessageBoxSync: (options: { cancelId?: number }): number => {
      this.messageBoxes.push(options);
      return options.cancelId ?? 0;
    },
    showMessageBox: (...args: unknown[]): Promise<{ response: number }> => {
      const options = args.at(-1) as { cancelId?: number };
      this.messageBoxes.push(options);
      return Promise.resolve({ response: options.cancelId ?? 0 });
    },
    showSaveDialog: (): Promise<{ canceled: boolean; filePath: string }> => {
      const filePath = this.saveAnswers.shift();
      return Promise.resolve(filePath === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath });
    },
    showOpenDialog: (): Promise<{ canceled: boolean; filePaths: string[] }> => Promise.resolve({ canceled: true, filePaths: [] }),
  };

  private readonly menu = {
    buildFromTemplate: (template: unknown): { template: unknown } => ({ template }),
    setApplicationMenu: (menu: { template: unknown }): void => void this.menus.push(menu.template),
  };

  private readonly screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };

  private readonly shell = {
    openExternal: (url: string): Promise<void> => {
      this.openedExternally.push(url);
      return Promise.resolve();
    },
  };

  private readonly contextBridge = {
    exposeInMainWorld: (key: string, api: unknown): void => void this.exposed.set(key, api),
  };

  /**
   * The renderer end of IPC, joined to the handlers main registered. Arguments and answers are
   * structured-cloned as Electron's IPC does, so nothing uncloneable crosses unnoticed.
   */
  private readonly ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]): Promise<unknown> => {
      const handler = this.ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for “${channel}”.`);
      if (!this.caller) throw new Error('The test did not say which frame is calling.');
      const answer = await invocable(handler)(
        { sender: this.caller.sender, senderFrame: this.caller.senderFrame },
        ...structuredClone(args),
      );
      return structuredClone(answer);
    },
    on: (channel: string, listener: Callback): void => void this.rendererListeners.push({ channel, listener: invocable(listener) }),
    removeListener: (channel: string, listener: Callback): void => {
      const index = this.rendererListeners.findIndex((entry) => entry.channel === channel && entry.listener === invocable(listener));
      if (index >= 0) this.rendererListeners.splice(index, 1);
    },
  };

  /** Messages main sends to the calling frame's contents reach the preload's listeners. */
  private readonly deliver = (contents: StandInWebContents, channel: string, args: unknown[]): void => {
    if (this.caller?.sender !== contents) return;
    for (const entry of this.rendererListeners.filter((candidate) => candidate.channel === channel))
      entry.listener({}, ...structuredClone(args));
  };

  private browserWindowClass(): new (options: WindowOptions) => unknown {
    const windows = this.windows;
    const deliver = this.deliver;
    return class StandInBrowserWindow extends Emitter {
      readonly webContents = new StandInWebContents(deliver);
      readonly loadedUrls: string[] = [];
      focused = 0;
      constructor(readonly options: WindowOptions) {
        super();
        windows.push({ options, window: this });
      }
      loadURL(url: string): Promise<void> {
        this.loadedUrls.push(url);
        return Promise.resolve();
      }
      loadFile(path: string): Promise<void> {
        return this.loadURL(pathToFileURL(path).href);
      }
      maximize(): void {}
      show(): void {}
      focus(): void {
        this.focused += 1;
      }
      restore(): void {}
      destroy(): void {}
      isMinimized(): boolean {
        return false;
      }
      isMaximized(): boolean {
        return false;
      }
      isDestroyed(): boolean {
        return false;
      }
      getNormalBounds(): { x: number; y: number; width: number; height: number } {
        return { x: 0, y: 0, width: 1280, height: 820 };
      }
    };
  }
}

let hookInstalled = false;

/**
 * Makes `import … from 'electron'` inside `bundleDir` resolve to `standIn`: a Node resolve hook
 * (module.register) sends the specifier to a small module that re-exports the stand-in's parts.
 * Once per process (a hook cannot be removed); Vitest runs each test file in its own process.
 */
export function resolveElectronTo(standIn: ElectronStandIn, bundleDir: string): void {
  (globalThis as Record<symbol, unknown>)[GLOBAL_KEY] = standIn.exports();
  if (hookInstalled) return;
  hookInstalled = true;
  const keyName = JSON.stringify(Symbol.keyFor(GLOBAL_KEY));
  const moduleSource = [
    `const parts = globalThis[Symbol.for(${keyName})];`,
    ...EXPORTS.map((name) => `export const ${name} = parts.${name};`),
  ].join('\n');
  const moduleUrl = `data:text/javascript,${encodeURIComponent(moduleSource)}`;
  const within = pathToFileURL(bundleDir.endsWith('/') ? bundleDir : `${bundleDir}/`).href;
  const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === 'electron' && context.parentURL?.startsWith(${JSON.stringify(within)})) return { url: ${JSON.stringify(moduleUrl)}, shortCircuit: true };
  return next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
