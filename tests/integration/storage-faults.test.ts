import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { type Source } from '../../src/domain/source';
import { bundleScript } from '../crash/harness';
import { ContractFixture } from './helpers/contract';
import { TempDirs } from './helpers/temp-workspace';

const contract = new ContractFixture();
const temp = new TempDirs();

beforeEach(() => {
  contract.open();
});

afterEach(() => {
  contract.close();
  temp.cleanup();
});

async function errorOf(name: string, payload: unknown): Promise<{ code: string; message: string }> {
  const result = await contract.call(name, payload);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

describe('the workspace file taken away while open', () => {
  it('refuses further changes when the file is deleted, keeps reading, and still saves a copy elsewhere', async () => {
    const kept = await contract.value<Source>('sources.create', { draft: { title: 'Saved before the file went' } });
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${contract.path}${suffix}`, { force: true });
    const refused = await errorOf('sources.create', { draft: { title: 'Written after' } });
    expect(refused.code).toBe('workspace_unavailable');
    expect(refused.message).toContain('was deleted or moved by another program while it was open');
    expect(refused.message).toContain('save a copy somewhere else');
    expect((await contract.value<{ total: number }>('sources.list', { sort: 'title', direction: 'asc' })).total).toBe(1);
    // Save a Copy reads through the open connection, so nothing saved is lost.
    expect((await contract.job('workspace.saveCopy', {})).status).toBe('succeeded');
    const copy = Workspace.open(join(contract.dir, 'copy.warrant'));
    expect(copy.sources.get(kept.id).title).toBe('Saved before the file went');
    copy.close();
  });

  it('refuses changes when another program replaces the file, and leaves the new file alone', async () => {
    await contract.value('sources.create', { draft: { title: 'Mine' } });
    const other = join(contract.dir, 'other.warrant');
    Workspace.open(other, { create: true }).close();
    renameSync(other, contract.path);
    const refused = await errorOf('settings.update', { analystName: 'Changed' });
    expect(refused).toMatchObject({ code: 'workspace_unavailable' });
    expect(refused.message).toContain('was replaced by another program');
    // Closing folds this connection's log into the file it opened, not into the newcomer.
    contract.session.close();
    const replaced = new Database(contract.path, { readonly: true });
    expect(replaced.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
    replaced.close();
  });
});

describe('a full disk', () => {
  it('refuses the change that does not fit with a clear message; the process lives on and every earlier save is intact', async () => {
    const child = await bundleScript(resolve(import.meta.dirname, '..', 'faults', 'full-disk-writer.ts'), resolve(import.meta.dirname, '..', '..', '.tmp', 'full-disk-writer'));
    const dir = temp.make();
    const path = join(dir, 'full.warrant');
    // ulimit -f (1 KiB blocks): writing past 3 MiB fails with EFBIG, as a full disk fails a write.
    const run = spawnSync('bash', ['-c', `ulimit -f 3072 && exec "${process.execPath}" "${child}" "${path}"`], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { saved: string[]; refusal: { code: string; message: string } | null; stillReads: boolean; internalErrors: string[] };
    expect(seen.refusal).toMatchObject({ code: 'workspace_unavailable' });
    expect(seen.refusal?.message).toMatch(/this change was not saved/);
    expect(seen.refusal?.message).toContain('Everything saved before is safe');
    expect(seen.saved.length).toBeGreaterThan(3);
    expect(seen.stillReads).toBe(true);
    expect(seen.internalErrors).toEqual([]);
    // Without the limit: the file is sound and holds every save the child was told succeeded.
    const workspace = Workspace.open(path);
    for (const id of seen.saved) expect(workspace.sources.exists(id)).toBe(true);
    workspace.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
