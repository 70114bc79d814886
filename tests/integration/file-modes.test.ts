import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCleanedCopy } from '../../db/clean-copy';
import { stageRestore, takeBackup } from '../../db/backups';
import { Workspace } from '../../db/workspace';
import { ensurePrivateDataDir } from '../../main/paths';
import { UploadStore } from '../../main/uploads';
import { draft, TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
let previousUmask = 0;
// The usual desktop umask: without explicit modes, files would come out 0644 and folders 0755.
beforeEach(() => {
  previousUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(previousUmask);
  temp.cleanup();
});

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('files Warrant writes are private to their owner under umask 022', () => {
  it('the data folder is 0700, even when it already existed more open', () => {
    const dir = join(temp.make(), 'share', 'Warrant');
    ensurePrivateDataDir(dir);
    expect(modeOf(dir)).toBe(0o700);
    const existing = join(temp.make(), 'Warrant');
    mkdirSync(existing, { mode: 0o755 });
    ensurePrivateDataDir(existing);
    expect(modeOf(existing)).toBe(0o700);
  });

  it('a new workspace and its journal are 0600', () => {
    const path = join(temp.make(), 'case.warrant');
    const workspace = Workspace.open(path, { create: true });
    try {
      workspace.sources.create(draft());
      expect(modeOf(path)).toBe(0o600);
      expect(modeOf(`${path}-wal`)).toBe(0o600);
    } finally {
      workspace.close();
    }
  });

  it('a staged upload is 0600', () => {
    const uploads = new UploadStore();
    try {
      uploads.put(new Uint8Array([1, 2, 3]), 'evidence.pdf');
      const dir = (uploads as unknown as { dir: string }).dir;
      const [file] = readdirSync(dir);
      expect(modeOf(join(dir, file ?? ''))).toBe(0o600);
    } finally {
      uploads.dispose();
    }
  });

  it('a staged restore and a cleaned copy are 0600', async () => {
    const path = join(temp.make(), 'case.warrant');
    const workspace = Workspace.open(path, { create: true });
    const backup = await takeBackup(workspace, 5);
    const staged = stageRestore(path, backup.fileName, undefined, workspace.workspaceId());
    workspace.close();
    expect(modeOf(staged)).toBe(0o600);
    const db = new Database(path);
    db.exec('CREATE VIEW extra AS SELECT 1;');
    db.close();
    expect(modeOf(writeCleanedCopy(path))).toBe(0o600);
  });
});
