import { chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manifestPath } from '../../db/backup-safety';
import { backupsFolder, takeBackup } from '../../db/backups';
import type { Workspace } from '../../db/workspace';
import { BackupService } from '../../main/backup-service';
import { WorkspaceSession } from '../../main/workspace-session';
import { SourceListQuerySchema } from '../../src/domain/source';
import { draft, TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
const sessions: WorkspaceSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
  temp.cleanup();
});

/** A session on a fresh workspace holding one source, with backups on request only. */
function openSession(name = 'Case.warrant'): { session: WorkspaceSession; backups: BackupService } {
  const session = new WorkspaceSession(join(temp.make(), name), { create: true });
  sessions.push(session);
  session.current.sources.create(draft({ title: 'Alpha report' }));
  return { session, backups: new BackupService(session, { intervalMs: 0 }) };
}

function titles(workspace: Workspace): string[] {
  return workspace.sources
    .list(SourceListQuerySchema.parse({}))
    .items.map((source) => source.title)
    .sort();
}

describe('the backups folder', () => {
  it('is refused when it is a symlink: no backup is written through it', async () => {
    const { session, backups } = openSession();
    const elsewhere = temp.make();
    symlinkSync(elsewhere, backupsFolder(session.current.path));
    await expect(backups.backUpNow()).rejects.toThrow(/is a symbolic link/);
    expect(() => backups.list()).toThrow(/is a symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  // Only root can give a folder to another user; the suite runs as root (see README).
  it.runIf(process.getuid?.() === 0)('is refused when another user owns it', async () => {
    const { session, backups } = openSession();
    const folder = backupsFolder(session.current.path);
    mkdirSync(folder);
    chownSync(folder, 65534, 65534);
    await expect(backups.backUpNow()).rejects.toThrow(/belongs to another user/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('is created 0700, and backups and manifests 0600, under umask 022', async () => {
    const { session } = openSession();
    const previous = process.umask(0o022);
    try {
      const info = await takeBackup(session.current, 5);
      const path = join(backupsFolder(session.current.path), info.fileName);
      expect(statSync(backupsFolder(session.current.path)).mode & 0o777).toBe(0o700);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(manifestPath(path)).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});

describe('a planted backup', () => {
  it('with a future time stamp is not "newest", is named as not restorable, and cannot be restored', async () => {
    const { session, backups } = openSession();
    const real = await backups.backUpNow();
    const folder = backupsFolder(session.current.path);
    const planted = 'Case-20990101T000000000Z.warrant';
    copyFileSync(join(folder, real.fileName), join(folder, planted));
    copyFileSync(manifestPath(join(folder, real.fileName)), manifestPath(join(folder, planted)));
    const noManifest = 'Case-20260101T000000000Z.warrant';
    copyFileSync(join(folder, real.fileName), join(folder, noManifest));

    const listed = backups.list();
    expect(listed[0]?.fileName).toBe(real.fileName);
    expect(listed[0]?.problem).toBeUndefined();
    expect(listed.find((b) => b.fileName === planted)?.problem).toMatch(/in the future/);
    expect(listed.find((b) => b.fileName === noManifest)?.problem).toMatch(/no manifest/);
    for (const name of [planted, noManifest]) await expect(backups.restore(name)).rejects.toThrow(/cannot be restored/);
    expect(titles(session.current)).toEqual(['Alpha report']);
    // Planted files never count towards, nor are removed by, pruning.
    await takeBackup(session.current, 1);
    expect(existsSync(join(folder, planted))).toBe(true);
  });

  it('of another workspace, or changed after it was taken, is refused', async () => {
    const { session, backups } = openSession();
    const other = openSession('Case.warrant');
    const foreign = await other.backups.backUpNow();
    const folder = backupsFolder(session.current.path);
    const otherFolder = backupsFolder(other.session.current.path);
    mkdirSync(folder, { mode: 0o700 });
    copyFileSync(join(otherFolder, foreign.fileName), join(folder, foreign.fileName));
    copyFileSync(manifestPath(join(otherFolder, foreign.fileName)), manifestPath(join(folder, foreign.fileName)));
    expect(backups.list().find((b) => b.fileName === foreign.fileName)?.problem).toMatch(/another workspace/);
    await expect(backups.restore(foreign.fileName)).rejects.toThrow(/cannot be restored/);

    const own = await backups.backUpNow();
    // Same size, other bytes: a backup edited in place after it was taken.
    copyFileSync(join(otherFolder, foreign.fileName), join(folder, own.fileName));
    await expect(backups.restore(own.fileName)).rejects.toThrow(/SHA-256 no longer matches|size differs/);
    expect(titles(session.current)).toEqual(['Alpha report']);
  });
});

describe('restore', () => {
  it('never moves the live workspace into a backups folder that became a symlink', async () => {
    const { session, backups } = openSession();
    const backup = await backups.backUpNow();
    session.current.sources.create(draft({ title: 'Bravo report' }));
    const folder = backupsFolder(session.current.path);
    const elsewhere = join(temp.make(), 'moved');
    renameSync(folder, elsewhere);
    symlinkSync(elsewhere, folder);
    const before = readdirSync(elsewhere).sort();
    await expect(backups.restore(backup.fileName)).rejects.toThrow(/is a symbolic link/);
    expect(readdirSync(elsewhere).sort()).toEqual(before);
    expect(titles(session.current)).toEqual(['Alpha report', 'Bravo report']);
  });

  it('keeps the file it replaces as a restorable before-restore backup', async () => {
    const { session, backups } = openSession();
    const backup = await backups.backUpNow();
    session.current.sources.create(draft({ title: 'Bravo report' }));
    const outcome = await backups.restore(backup.fileName);
    expect(titles(session.current)).toEqual(['Alpha report']);
    const aside = backups.list().find((b) => b.fileName === outcome.keptAs);
    expect(aside?.problem).toBeUndefined();
    await backups.restore(outcome.keptAs);
    expect(titles(session.current)).toEqual(['Alpha report', 'Bravo report']);
  });
});
