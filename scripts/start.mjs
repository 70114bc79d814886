// `npm start`: the desktop app where Electron's binary is present, otherwise the browser host.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBindingPath, findElectronBinary } from './electron-runtime.mjs';

function run(command, args) {
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

function browserHost(reason) {
  console.log(`Starting the browser host instead of the desktop app: ${reason}.`);
  process.exit(run(process.execPath, ['bin/warrant.mjs', 'web', ...process.argv.slice(2)]));
}

if (run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']) !== 0) process.exit(1);
if (run(process.execPath, ['scripts/build-cli.mjs']) !== 0) process.exit(1);
const { binary, reason } = findElectronBinary();
if (!binary) browserHost(reason);
if (run(process.execPath, ['scripts/build-desktop.mjs']) !== 0) process.exit(1);
if (!existsSync(electronBindingPath()) && run(process.execPath, ['scripts/build-native-electron.mjs']) !== 0) {
  browserHost('the database engine could not be built for Electron (its headers are unreachable)');
}
process.exit(run(binary, ['.', ...process.argv.slice(2)]));
