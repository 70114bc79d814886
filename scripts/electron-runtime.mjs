// Facts about the Electron runtime in this checkout, found without `require('electron')`
// (which would start a binary download, and fails offline).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ELECTRON_DIR = 'node_modules/electron';

export function electronVersion() {
  return JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')).version;
}

/** The Electron executable, or null with the reason it cannot be used here. */
export function findElectronBinary() {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      binary: null,
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing; it is downloaded from outside the package registries)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(ELECTRON_DIR, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary) ? { binary, reason: null } : { binary: null, reason: `the Electron binary is missing (${binary})` };
}

/** Where the Electron headers are kept once fetched (node-gyp's layout: <dir>/<version>/include). */
export const HEADERS_DIR = '.tmp/electron-headers';

/** Environment for native builds against Electron: the global npmrc's nodedir=/usr must not win. */
export function electronBuildEnv() {
  const env = {
    ...process.env,
    npm_config_nodedir: join(process.cwd(), HEADERS_DIR, electronVersion()),
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion(),
    npm_config_disturl: 'https://electronjs.org/headers',
  };
  return env;
}

/** The separate Electron-ABI build of better-sqlite3 (see main/electron/native-binding.ts). */
export function electronBindingPath() {
  return join('native', `electron-${electronVersion()}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}
