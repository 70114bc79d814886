import { join } from 'node:path';

export interface Runtime {
  /** process.versions.electron, or undefined under plain Node. */
  electron: string | undefined;
  platform: string;
  arch: string;
  /** True inside a packaged app, whose node_modules electron-builder rebuilt for Electron. */
  isPackaged: boolean;
}

/**
 * Where the Electron-ABI build of better-sqlite3 lives in a checkout: apart from the Node
 * build in node_modules, so tests (Node) and the desktop app (Electron) both work from one
 * checkout, in either order.
 */
export function electronBindingPath(root: string, runtime: Pick<Runtime, 'platform' | 'arch'>, electronVersion: string): string {
  return join(root, 'native', `electron-${electronVersion}-${runtime.platform}-${runtime.arch}`, 'better_sqlite3.node');
}

export type BindingChoice = { ok: true; nativeBinding: string | undefined } | { ok: false; message: string };

/** Picks the better-sqlite3 binary for this runtime; undefined means the default in node_modules. */
export function chooseNativeBinding(root: string, runtime: Runtime, exists: (path: string) => boolean): BindingChoice {
  if (runtime.electron === undefined || runtime.isPackaged) return { ok: true, nativeBinding: undefined };
  const path = electronBindingPath(root, runtime, runtime.electron);
  if (exists(path)) return { ok: true, nativeBinding: path };
  return {
    ok: false,
    message: `The desktop build of the database engine is missing (${path}). Run \`npm run desktop:native\` on a machine that can reach the Electron headers, then start again.`,
  };
}
