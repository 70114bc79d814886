import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { runCliInProcess } from './helpers/cli';

const CLI = fileURLToPath(new URL('../../bin/warrant.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; when `readyThenStop` is set, sends SIGTERM once it prints its address. */
function runCli(args: string[], env: NodeJS.ProcessEnv, readyThenStop = false): Promise<Run & { url?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let url: string | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI timed out.\n${stdout}\n${stderr}`));
    }, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Warrant is running at (\S+)/.exec(stdout);
      if (readyThenStop && match && !url) {
        url = match[1];
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, url });
    });
  });
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the warrant CLI', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-cli-'));
    env = { ...process.env, XDG_DATA_HOME: join(dir, 'data') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates default.warrant in the XDG data folder when no workspace is given, stops cleanly on SIGTERM, and comes back on its port', async () => {
    const run = await runCli(['web', '--no-open'], env, true);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    expect(run.code).toBe(0);
    const workspace = join(dir, 'data', 'Warrant', 'default.warrant');
    expect(statSync(workspace).size).toBeGreaterThan(0);
    expect(statSync(join(dir, 'data', 'Warrant')).mode & 0o777, 'the data folder is private').toBe(0o700);
    expect(statSync(workspace).mode & 0o777, 'the workspace is private').toBe(0o600);
    // Closed cleanly: the WAL was folded back and removed, so the file alone is complete.
    expect(existsSync(`${workspace}-wal`)).toBe(false);
    // Started again, it serves the same origin with a new token: an open tab reconnects there.
    const again = await runCli(['web', '--no-open'], env, true);
    expect(again.code).toBe(0);
    expect(new URL(again.url ?? '').port).toBe(new URL(run.url ?? '').port);
    expect(again.url).not.toBe(run.url);
    expect(statSync(join(dir, 'data', 'Warrant', 'web-ports.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that is not a workspace, naming it and the reason, without touching it', async () => {
    const notes = join(dir, 'notes.warrant');
    writeFileSync(notes, 'Meeting notes, not a database.\n');
    const before = sha256(notes);
    const run = await runCli(['web', '--no-open', '--workspace', notes], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(notes);
    expect(run.stderr).toContain('not a SQLite database');
    expect(sha256(notes)).toBe(before);
  });

  it('serves a cleaned copy of a workspace holding a trigger of its own with --open-cleaned-copy, the file untouched', async () => {
    const received = join(dir, 'received.warrant');
    const workspace = Workspace.open(received, { create: true });
    workspace.close();
    const crafted = new Database(received);
    crafted.exec(
      "CREATE TRIGGER lower_confidence AFTER UPDATE ON judgements BEGIN UPDATE judgements SET confidence = 'low' WHERE num = new.num; END;",
    );
    crafted.close();
    const before = sha256(received);
    const cleaned = await runCli(['web', '--no-open', '--workspace', received, '--open-cleaned-copy'], env, true);
    expect(cleaned.code, cleaned.stderr).toBe(0);
    expect(cleaned.stdout).toContain(join(dir, 'received (cleaned).warrant'));
    expect(sha256(received)).toBe(before);
  });

  it('rejects a bad port, an unknown option and an unknown command with usage (in-process)', async () => {
    const badPort = await runCliInProcess(['web', '--no-open', '--port', 'eighty']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port must be a whole number');
    const badOption = await runCliInProcess(['web', '--no-open', '--colour']);
    expect(badOption.code).toBe(2);
    // Said of the command it was given to, with that command's options alone (not Node's advice on `--`).
    expect(badOption.stderr).toContain('Unknown option “--colour” for warrant web.');
    expect(badOption.stderr).toContain('Usage: warrant web [options]');
    expect(badOption.stderr).toContain('--read-only');
    expect(badOption.stderr).not.toContain('export-library');
    const missingValue = await runCliInProcess(['export', '--workspace']);
    expect(missingValue.code).toBe(2);
    expect(missingValue.stderr).toContain('--workspace');
    expect(missingValue.stderr).toContain('Usage: warrant export [options]');
    const unknown = await runCliInProcess(['serve']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command “serve”');
    expect(unknown.stderr).toContain('Usage: warrant');
  });

  it('prints its version and help (in-process)', async () => {
    const version = await runCliInProcess(['--version']);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version,
    );
    expect(version.code).toBe(0);
    const help = await runCliInProcess(['--help']);
    expect(help.stdout).toContain('--workspace PATH');
    for (const name of ['web', 'import FILE', 'export-library', 'export', 'restore', 'sample', 'team-server'])
      expect(help.stdout, name).toMatch(new RegExp(`^  ${name} +[A-Z]`, 'm'));
    expect(help.code).toBe(0);
    // One command's help, asked either way, without the others' options.
    for (const args of [
      ['sample', '--help'],
      ['sample', '-h'],
      ['help', 'sample'],
    ]) {
      const one = await runCliInProcess(args);
      expect(one.code, args.join(' ')).toBe(0);
      expect(one.stdout).toMatch(/^Usage: warrant sample \[options\]/);
      expect(one.stdout).toContain('--out FILE');
      expect(one.stdout).not.toContain('--postgres');
    }
    const unknownTopic = await runCliInProcess(['help', 'serve']);
    expect(unknownTopic.code).toBe(2);
    expect(unknownTopic.stderr).toContain('Unknown command “serve”');
  });
});
