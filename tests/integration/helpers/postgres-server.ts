// A throwaway PostgreSQL (Debian's postgresql 15, or whatever `initdb` is on PATH) on 127.0.0.1 and
// a free port, for the team server's PostgreSQL backend. Built for speed, not safety: initdb
// without syncing, and fsync off in the cluster; it lives in a temporary folder and is removed after.
// PostgreSQL refuses to run as root, so under root it runs as the `postgres` user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import pg from 'pg';

/** Where initdb and postgres are: on PATH, else Debian's versioned folder. */
function binDir(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return join(onPath, '..');
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const newest = readdirSync(debian)
    .filter((version) => existsSync(join(debian, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? null : join(debian, newest, 'bin');
}

/** The uid and gid to run PostgreSQL as: ours, or the `postgres` user's when we are root. */
function runAs(): { uid: number; gid: number } | null {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? 0 };
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim() || Number.NaN);
  const user = { uid: id('-u'), gid: id('-g') };
  return Number.isInteger(user.uid) && Number.isInteger(user.gid) ? user : null;
}

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  const bin = binDir();
  if (bin === null || !existsSync(join(bin, 'postgres'))) return 'PostgreSQL is not installed (apt-get install postgresql)';
  if (runAs() === null) return 'running as root and there is no `postgres` user to run PostgreSQL as';
  return null;
}

export interface RunningPostgres {
  port: number;
  /** The cluster's `postgres` database, empty (user `warrant`, no password: the cluster trusts loopback). */
  url: string;
  stop(): Promise<void>;
}

async function untilAccepting(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}):\n${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 15 s:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = binDir();
  const user = runAs();
  if (bin === null || user === null) throw new Error(postgresMissing() ?? 'PostgreSQL cannot run here');
  // Run as another user (under root), the cluster needs a folder that user can reach: /tmp, not a private TMPDIR.
  const base = user.uid === process.getuid?.() ? tmpdir() : '/tmp';
  const dir = mkdtempSync(join(base, 'warrant-postgres-'));
  chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  // cwd: the server's user may not be allowed into ours.
  const asUser = { ...user, cwd: dir, env: { PATH: process.env.PATH ?? '', LANG: 'C' } };
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'warrant', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
    { ...asUser, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
  const port = await freePort();
  // fsync and synchronous_commit off: a test cluster that the operating system may lose on a power
  // cut, which no test makes; killing the team server (not PostgreSQL) is what the tests do.
  const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'shared_buffers=16MB', 'max_connections=40'];
  const child = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, ...settings.flatMap((setting) => ['-c', setting])],
    { ...asUser, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // A test process that ends without stopping it (a hook timed out) must not leave it running.
  const stopOnExit = (): void => void child.kill('SIGQUIT');
  process.once('exit', stopOnExit);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const urlOf = (database: string): string => `postgres://warrant@127.0.0.1:${port}/${database}`;
  try {
    await untilAccepting(urlOf('postgres'), child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    url: urlOf('postgres'),
    stop: () =>
      new Promise((resolve) => {
        process.off('exit', stopOnExit);
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        // SIGQUIT: PostgreSQL's immediate shutdown, which also ends its backends.
        child.kill('SIGQUIT');
      }),
  };
}
