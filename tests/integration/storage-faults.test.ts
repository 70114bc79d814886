import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
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
    const child = await bundleScript(
      resolve(import.meta.dirname, '..', 'faults', 'full-disk-writer.ts'),
      resolve(import.meta.dirname, '..', '..', '.tmp', 'full-disk-writer'),
    );
    const dir = temp.make();
    const path = join(dir, 'full.warrant');
    // ulimit -f (1 KiB blocks): writing past 3 MiB fails with EFBIG, as a full disk fails a write.
    const run = spawnSync('bash', ['-c', `ulimit -f 3072 && exec "${process.execPath}" "${child}" "${path}"`], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
      saved: string[];
      refusal: { code: string; message: string } | null;
      stillReads: boolean;
      internalErrors: string[];
    };
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

/** The unprivileged account the read-only tests run their child as (root may write anywhere). */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

describe('a workspace the user may not write to', () => {
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  async function runAsNobody(path: string, copy: string): Promise<Record<string, unknown>> {
    const child = await bundleScript(
      resolve(import.meta.dirname, '..', 'faults', 'read-only-writer.ts'),
      resolve(import.meta.dirname, '..', '..', '.tmp', 'read-only-writer'),
    );
    const run = spawnSync(process.execPath, [child, path, copy, String(NOBODY)], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    expect(seen.uid).toBe(NOBODY);
    return seen;
  }

  function seeded(): { dir: string; path: string; copies: string } {
    const dir = temp.make();
    chmodSync(dir, 0o755);
    const path = join(dir, 'locked.warrant');
    const ws = Workspace.open(path, { create: true });
    ws.sources.create({
      title: 'Saved by its owner',
      kind: 'speech',
      url: null,
      author: '',
      publisher: '',
      publishedDate: null,
      accessedDate: null,
      language: '',
      reliability: 'B',
      notes: '',
    });
    ws.close();
    chmodSync(path, 0o644);
    const copies = join(dir, 'copies');
    mkdirSync(copies);
    chownSync(copies, NOBODY, NOBODY);
    return { dir, path, copies };
  }

  // Needs root to hand the child to another account; CI and this machine run the suite as root.
  it.skipIf(!asRoot)('in a read-only folder: refused at open with the reason, and the file is left untouched', async () => {
    const { path, copies } = seeded();
    const before = sha(path);
    const seen = await runAsNobody(path, join(copies, 'copy.warrant'));
    expect(seen.openError).toContain('may not write to the folder it is in');
    expect(seen.openError).toContain('Nothing was changed');
    expect(seen.openError).not.toContain('damaged');
    expect(sha(path)).toBe(before);
    const ws = Workspace.open(path);
    expect(ws.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items.map((s) => s.title)).toEqual([
      'Saved by its owner',
    ]);
    ws.close();
  });

  it.skipIf(!asRoot)(
    'a read-only file in a writable folder: opens to read, refuses changes clearly, and saves a copy elsewhere',
    async () => {
      const { dir, path, copies } = seeded();
      chmodSync(dir, 0o777);
      const copy = join(copies, 'copy.warrant');
      const seen = await runAsNobody(path, copy);
      expect(seen.openError).toBeNull();
      expect(seen.listed).toBe(1);
      expect(seen.refusal).toMatchObject({ code: 'workspace_unavailable' });
      expect((seen.refusal as { message: string }).message).toMatch(/may not write to .*read-only.*this change was not saved/);
      expect(seen.copyStatus).toBe('succeeded');
      expect(seen.internalErrors).toEqual([]);
      const saved = Workspace.open(copy);
      expect(saved.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items.map((s) => s.title)).toEqual([
        'Saved by its owner',
      ]);
      saved.close();
    },
  );
});
