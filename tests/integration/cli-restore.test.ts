import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { backupsFolder, listBackups, takeBackup } from '../../db/backups';
import { Workspace } from '../../db/workspace';
import { runCliInProcess } from './helpers/cli';
import { draft, sha256File, TempDirs } from './helpers/temp-workspace';

const CLI = fileURLToPath(new URL('../../bin/warrant.mjs', import.meta.url));
const temp = new TempDirs();
afterEach(() => temp.cleanup());

function warrant(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function titles(path: string): string[] {
  const db = new Database(path, { readonly: true });
  const result = db.prepare('SELECT title FROM sources ORDER BY title').pluck().all() as string[];
  db.close();
  return result;
}

it('lists and restores backups from the command line, and refuses bad input with a message', async () => {
  const path = join(temp.make(), 'Case.warrant');
  const workspace = Workspace.open(path, { create: true });
  workspace.sources.create(draft({ title: 'Alpha report' }));
  const backup = await takeBackup(workspace, 5);
  workspace.sources.create(draft({ title: 'Bravo report' }));
  workspace.close();

  // Listing and refusals in-process; the restore itself through the real process.
  const listed = await runCliInProcess(['restore', '--workspace', path, '--list']);
  expect(listed.code, listed.stderr).toBe(0);
  expect(listed.stdout).toContain(backup.fileName);

  const before = sha256File(path);
  for (const bad of ['../Case.warrant', 'Case-20990101T000000000Z.warrant']) {
    const refused = await runCliInProcess(['restore', '--workspace', path, '--backup', bad]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/backup/i);
  }
  expect((await runCliInProcess(['restore', '--backup', backup.fileName])).stderr).toContain('--workspace');
  expect(sha256File(path)).toBe(before);

  const restored = warrant(['restore', '--workspace', path, '--backup', backup.fileName]);
  expect(restored.code, restored.stderr).toBe(0);
  expect(restored.stdout).toContain(`Restored “${backup.fileName}”`);
  expect(titles(path)).toEqual(['Alpha report']);
  const aside = listBackups(path).find((b) => b.kind === 'before-restore');
  expect(aside).toBeDefined();
  expect(existsSync(join(backupsFolder(path), aside?.fileName ?? ''))).toBe(true);
  expect(titles(join(backupsFolder(path), aside?.fileName ?? ''))).toEqual(['Alpha report', 'Bravo report']);
});
