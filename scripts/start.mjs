// `npm start`: the desktop app where its runtime is available, otherwise the browser host.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Electron's binary is downloaded on first use and cannot be fetched on offline machines;
// requiring 'electron' would start that download, so look for its files instead.
const electronReady = existsSync('node_modules/electron/path.txt') && existsSync('node_modules/electron/dist');
if (electronReady) {
  console.log('Warrant’s desktop shell is not part of this build yet: starting the browser host instead.');
} else {
  console.log('The desktop runtime (Electron) is not available here: starting the browser host instead.');
}
const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const host = spawnSync(process.execPath, ['bin/warrant.mjs', 'web', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(host.status ?? 0);
