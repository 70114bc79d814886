import { chmodSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user data folder: XDG data home on Linux, the OS equivalent elsewhere. */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Warrant');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Warrant');
  const xdg = env.XDG_DATA_HOME;
  // The XDG spec says relative values are invalid and must be ignored.
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'Warrant');
}

export const DEFAULT_WORKSPACE_NAME = 'default.warrant';

/** Where the default workspace lives when no `--workspace` is given. */
export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), DEFAULT_WORKSPACE_NAME);
}

/**
 * Creates the data folder (and any missing parents) and makes it private to its owner, whatever
 * the umask: it holds the default workspace, its backups and the recent-files list.
 */
export function ensurePrivateDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}
