// `npm run dist`: installers with electron-builder. Needs a machine that can download Electron
// and its headers. The global npmrc here sets nodedir=/usr, which would make electron-builder's
// native rebuild compile against Node's headers and report success with the wrong ABI, so the
// rebuild is pointed at the Electron headers explicitly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { electronBuildEnv, electronVersion, HEADERS_DIR } from './electron-runtime.mjs';

const steps = [
  ['npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
  [process.execPath, ['scripts/build-desktop.mjs']],
];
if (!existsSync(join(HEADERS_DIR, electronVersion(), 'include'))) steps.push([process.execPath, ['scripts/build-native-electron.mjs']]);
steps.push(['npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]]);
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: electronBuildEnv() });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
