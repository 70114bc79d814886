// `npm run desktop:native`: builds better-sqlite3 for Electron's ABI into native/, apart from
// the Node build in node_modules, so tests (Node) and the desktop app share one checkout.
// Needs the Electron headers, which come from outside the npm registry: run it on a machine
// with that access (or with the headers already in .tmp/electron-headers).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { electronBindingPath, electronBuildEnv, electronVersion, HEADERS_DIR } from './electron-runtime.mjs';

const gyp = resolve('node_modules/node-gyp/bin/node-gyp.js');
const version = electronVersion();
const env = electronBuildEnv();
const devdir = resolve(HEADERS_DIR);

function run(args, cwd) {
  const result = spawnSync(
    process.execPath,
    [gyp, ...args, `--target=${version}`, '--dist-url=https://electronjs.org/headers', `--devdir=${devdir}`],
    { cwd, env, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error(
      `node-gyp ${args[0]} failed. The Electron ${version} headers could not be fetched or the build failed; the desktop app needs them once.`,
    );
    process.exit(1);
  }
}

if (!existsSync(join(devdir, version, 'include'))) run(['install'], process.cwd());
const work = resolve('.tmp/native-build/better-sqlite3');
rmSync(work, { recursive: true, force: true });
cpSync('node_modules/better-sqlite3', work, { recursive: true, filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`) });
run(['rebuild', '--release', `--nodedir=${join(devdir, version)}`], work);
const target = electronBindingPath();
mkdirSync(dirname(target), { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
console.log(`Built better-sqlite3 for Electron ${version}: ${target}`);
