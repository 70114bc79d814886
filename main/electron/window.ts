import { BrowserWindow, screen } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { APP_ENTRY_URL } from './app-location';
import { parseWindowState, placeWindow, type WindowState } from './window-state';

function loadState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** The one window: isolated, sandboxed, no Node, showing only app://warrant. Remembers where it was. */
export function createMainWindow(options: { preload: string; stateFile: string; spellcheck: boolean }): BrowserWindow {
  const state = placeWindow(
    loadState(options.stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Warrant',
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: options.spellcheck,
      // Middle-click would otherwise ask for a new window (refused anyway by the open handler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const saved: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(options.stateFile, JSON.stringify(saved));
    } catch {
      // Losing the window position is not worth interrupting a quit.
    }
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
