import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../bin/warrant.mjs', import.meta.url));
const READY = /Warrant is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/;

/** A browser host running as its own process, as a user starts it. */
export interface HostProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly output: () => string;
  stop(): Promise<number | null>;
  /** Kills the process at once (SIGKILL), as a crash or power cut would; resolves when it is gone. */
  kill(): Promise<void>;
}

/** Workspaces a host was started on ahead of time (support/host-pool.ts), with how to stop that host. */
const reserved = new Map<string, () => Promise<void>>();

/**
 * Marks `workspacePath` as served by a host started ahead of time: a test that starts a host of its
 * own on that file first stops that one, so the two never hold the same workspace. The returned
 * function lifts the mark.
 */
export function reserveWorkspace(workspacePath: string, stopHost: () => Promise<void>): () => void {
  reserved.set(workspacePath, stopHost);
  return () => {
    if (reserved.get(workspacePath) === stopHost) reserved.delete(workspacePath);
  };
}

export async function startHostProcess(
  workspacePath: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<HostProcess> {
  await reserved.get(workspacePath)?.();
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'web', '--workspace', workspacePath, '--port', '0', '--no-open', ...extraArgs],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The host did not start within 20 s. Output:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      const parsed = new URL(url);
      resolve({
        url,
        origin: parsed.origin,
        token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
        output: () => output,
        kill: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited with code ${code} before it was ready. Output:\n${output}`));
    });
  });
}
