import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(fileURLToPath(new URL('..', import.meta.url)), 'bin/warrant.mjs');

/** `warrant web` on a free port for a bench: resolves with its address (token included) once it listens. */
export function startHost(workspace: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'web', '--workspace', workspace, '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Warrant is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)));
  });
}

/** Stops the host and waits for it: it writes its closing backup as it stops. */
export function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((exited) => {
    child.once('exit', () => exited());
    child.kill('SIGTERM');
  });
}
