import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The checkout's CLI entry point, as `npx warrant` runs it. */
export const CLI = fileURLToPath(new URL('../../../bin/warrant.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `warrant ARGS` in a child process and collects its output; a hung CLI is killed and fails the test. */
export function runCli(args: readonly string[], timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI timed out.\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Runs `warrant ARGS` inside the test process: the same argument parsing and commands as the
 * process, without a Node start per case. For refusals and other quick answers; each command
 * keeps one test through the real process (bin/warrant.mjs).
 */
export async function runCliInProcess(args: readonly string[]): Promise<CliRun> {
  const { runCli: run } = await import('../../../main/cli');
  let stdout = '';
  let stderr = '';
  const code = await run([...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}
