import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable for the desktop e2e project, or the reason it cannot run here. Looks
 * for the files rather than requiring 'electron', which would start a download.
 */
export function electronBinary(): { path: string; reason: null } | { path: null; reason: string } {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile))
    return {
      path: null,
      reason: 'the Electron binary is not installed on this machine (it cannot be downloaded from the package registries)',
    };
  const binary = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join('node_modules', 'electron', 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? { path: binary, reason: null } : { path: null, reason: `the Electron binary is missing at ${binary}` };
}
