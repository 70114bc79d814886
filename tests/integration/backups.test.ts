import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupsFolder, listBackups, takeBackup } from '../../db/backups';
import { Workspace } from '../../db/workspace';
import { BackupService } from '../../main/backup-service';
import { WorkspaceSession } from '../../main/workspace-session';
import type { BackupInfo } from '../../src/domain/backup';
import { SourceListQuerySchema } from '../../src/domain/source';
import { ContractFixture } from './helpers/contract';
import { draft, TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

function titlesIn(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT title FROM sources ORDER BY title').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('taking a backup', () => {
  it('is consistent while writes continue between its steps', async () => {
    const workspace = Workspace.open(join(temp.make(), 'Busy.warrant'), { create: true });
    try {
      // About 4 MB, so the backup API needs several 256-page steps to copy it.
      for (let i = 0; i < 400; i += 1) workspace.sources.create(draft({ title: `Seed ${i}`, notes: 'x'.repeat(10_000) }));
      let during = 0;
      const info = await takeBackup(workspace, 5, {
        onProgress: () => {
          workspace.sources.create(draft({ title: `During ${during}` }));
          during += 1;
        },
      });
      expect(during).toBeGreaterThan(2);
      const path = join(backupsFolder(workspace.path), info.fileName);
      const db = new Database(path, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const titles = db.prepare('SELECT title FROM sources').pluck().all() as string[];
      db.close();
      // Every seeded source is there, and the writes made during the copy form a prefix (no gaps).
      expect(titles.filter((t) => t.startsWith('Seed'))).toHaveLength(400);
      const duringTitles = titles.filter((t) => t.startsWith('During'));
      expect(duringTitles.sort()).toEqual(Array.from({ length: duringTitles.length }, (_, i) => `During ${i}`).sort());
      const reopened = Workspace.open(path);
      expect(reopened.sources.list(SourceListQuerySchema.parse({ limit: 1 })).total).toBe(titles.length);
      reopened.close();
    } finally {
      workspace.close();
    }
  });

  it('keeps only the newest N automatic backups', async () => {
    const workspace = Workspace.open(join(temp.make(), 'Pruned.warrant'), { create: true });
    try {
      const taken: BackupInfo[] = [];
      for (let i = 0; i < 4; i += 1) taken.push(await takeBackup(workspace, 2, {}, new Date(Date.UTC(2026, 10, 28, 3, i))));
      const kept = listBackups(workspace.path);
      expect(kept.map((b) => b.fileName)).toEqual([taken[3]?.fileName, taken[2]?.fileName]);
      expect(kept[0]?.fileName).toBe('Pruned-20261128T030300000Z.warrant');
      expect(readdirSync(backupsFolder(workspace.path)).filter((name) => name.endsWith('.warrant'))).toHaveLength(2);
    } finally {
      workspace.close();
    }
  });
});

describe('backups over the contract', () => {
  let fx: ContractFixture;
  beforeEach(() => {
    fx = new ContractFixture().open();
  });
  afterEach(() => fx.close());

  const createSource = (title: string) => fx.value('sources.create', { draft: { title, kind: 'news_report' } });

  async function backUp(): Promise<BackupInfo> {
    const snapshot = await fx.job('backups.create', {});
    expect(snapshot.status).toBe('succeeded');
    return (snapshot as unknown as { result: BackupInfo }).result;
  }

  it('restores a backup: A is back, B is gone, the file before the restore is kept', async () => {
    await createSource('Alpha report');
    const backup = await backUp();
    await createSource('Bravo report');
    const listed = await fx.value<{ items: BackupInfo[] }>('backups.list', {});
    expect(listed.items.map((b) => b.fileName)).toEqual([backup.fileName]);

    const outcome = await fx.value<{ restored: string; keptAs: string }>('backups.restore', { fileName: backup.fileName });
    expect(outcome.restored).toBe(backup.fileName);
    const titles = (await fx.value<{ items: { title: string }[] }>('sources.list', {})).items.map((s) => s.title);
    expect(titles).toEqual(['Alpha report']);
    const aside = join(backupsFolder(fx.path), outcome.keptAs);
    expect(outcome.keptAs).toMatch(/^contract-before-restore-\d{8}T\d{9}Z\.warrant$/);
    expect(titlesIn(aside)).toEqual(['Alpha report', 'Bravo report']);
    expect(fx.internalErrors).toEqual([]);
  });

  it('refuses a bad name or a damaged backup and changes nothing', async () => {
    await createSource('Alpha report');
    const backup = await backUp();
    await createSource('Bravo report');
    for (const fileName of [
      '../contract.warrant',
      'sub/x.warrant',
      '..\\x.warrant',
      'notes.txt',
      '',
      'contract-20990101T000000000Z.warrant',
    ]) {
      const result = await fx.call('backups.restore', { fileName });
      expect(result.ok, fileName).toBe(false);
      if (!result.ok) expect(['invalid_input', 'not_found']).toContain(result.error.code);
    }
    // Damage the middle of the backup: the header still says Warrant, the pages do not.
    const path = join(backupsFolder(fx.path), backup.fileName);
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 6));
    writeFileSync(path, bytes);
    const before = readdirSync(backupsFolder(fx.path)).sort();
    const result = await fx.call('backups.restore', { fileName: backup.fileName });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Nothing was changed/);
    expect(readdirSync(backupsFolder(fx.path)).sort()).toEqual(before);
    expect(existsSync(`${fx.path}.restoring`)).toBe(false);
    const titles = (await fx.value<{ items: { title: string }[] }>('sources.list', {})).items.map((s) => s.title).sort();
    expect(titles).toEqual(['Alpha report', 'Bravo report']);
  });
});

describe('automatic backups', () => {
  // Only the backup timer runs on fake time; the backups themselves are real file copies. A call
  // to backUpIfChanged queues behind the timer's, so awaiting it waits for what the timer began.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  it('run on the timer only after changes, and at close when changed', async () => {
    const session = new WorkspaceSession(join(temp.make(), 'Timed.warrant'), { create: true });
    const service = new BackupService(session, { intervalMs: 40 });
    session.current.sources.create(draft({ title: 'First' }));
    await vi.advanceTimersByTimeAsync(40);
    expect(await service.backUpIfChanged(session.current), 'the timer took the backup already').toBeNull();
    expect(listBackups(session.current.path)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(await service.backUpIfChanged(session.current)).toBeNull();
    expect(listBackups(session.current.path), 'no change, no new backup').toHaveLength(1);
    session.current.sources.create(draft({ title: 'Second' }));
    const path = session.current.path;
    await session.closeAsync();
    const backups = listBackups(path);
    expect(backups.length).toBeGreaterThanOrEqual(2);
    expect(titlesIn(join(backupsFolder(path), backups[0]?.fileName ?? ''))).toContain('Second');
  });

  it('are off when the setting keeps 0', async () => {
    const session = new WorkspaceSession(join(temp.make(), 'Off.warrant'), { create: true });
    const service = new BackupService(session, { intervalMs: 20 });
    session.current.settings.update({ backupsToKeep: 0 });
    session.current.sources.create(draft({ title: 'First' }));
    await vi.advanceTimersByTimeAsync(150);
    expect(await service.backUpIfChanged(session.current)).toBeNull();
    const path = session.current.path;
    await session.closeAsync();
    expect(listBackups(path)).toEqual([]);
  });
});
