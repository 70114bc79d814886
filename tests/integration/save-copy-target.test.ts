import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { exportToFile } from '../../main/interchange/export-library';
import { WarrantError } from '../../src/contract/errors';
import { SourceListQuerySchema } from '../../src/domain/source';
import { draft, TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
const open: Workspace[] = [];
afterEach(() => {
  for (const workspace of open.splice(0)) workspace.close();
  temp.cleanup();
});

function openWorkspace(name: string): { workspace: Workspace; dir: string } {
  const dir = temp.make();
  const workspace = Workspace.open(join(dir, name), { create: true });
  open.push(workspace);
  workspace.sources.create(draft({ title: 'Evidence that must survive' }));
  return { workspace, dir };
}

async function refusedCopy(workspace: Workspace, target: string): Promise<WarrantError> {
  try {
    await workspace.saveCopy(target);
  } catch (error) {
    if (error instanceof WarrantError) return error;
    throw error;
  }
  throw new Error(`a copy onto ${target} was not refused`);
}

/** The open workspace still has its data, takes a write, and reopens from disk with both. */
function expectIntact(workspace: Workspace): void {
  workspace.sources.create(draft({ title: 'Written afterwards' }));
  workspace.checkpoint('TRUNCATE');
  const reopened = Workspace.open(workspace.path);
  try {
    const titles = reopened.sources.list(SourceListQuerySchema.parse({ limit: 100 })).items.map((source) => source.title);
    expect(titles).toEqual(expect.arrayContaining(['Evidence that must survive', 'Written afterwards']));
  } finally {
    reopened.close();
  }
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.partial'));
}

describe('Save a copy onto the open workspace under another name', () => {
  it('refuses a symlink to it (NATO.warrant → nato.warrant, as a case-insensitive disk would)', async () => {
    const { workspace, dir } = openWorkspace('nato.warrant');
    symlinkSync(workspace.path, join(dir, 'NATO.warrant'));
    const error = await refusedCopy(workspace, join(dir, 'NATO.warrant'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/is the open workspace itself/);
    expectIntact(workspace);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses ./ and ../ spellings, a case variant and a Unicode variant of its name, and its WAL', async () => {
    const { workspace, dir } = openWorkspace('caf\u00e9.warrant');
    mkdirSync(join(dir, 'sub'));
    for (const target of [
      `${dir}/./sub/../caf\u00e9.warrant`,
      join(dir, 'CAF\u00c9.warrant'),
      join(dir, 'cafe\u0301.warrant'),
      `${workspace.path}-wal`,
    ]) {
      expect((await refusedCopy(workspace, target)).code, target).toBe('invalid_input');
    }
    expectIntact(workspace);
  });

  it('refuses a folder symlink that leads back to it', async () => {
    const { workspace, dir } = openWorkspace('case.warrant');
    const elsewhere = temp.make();
    symlinkSync(dir, join(elsewhere, 'shared-drive'));
    expect((await refusedCopy(workspace, join(elsewhere, 'shared-drive', 'case.warrant'))).code).toBe('invalid_input');
    expectIntact(workspace);
  });

  it('refuses a library export onto it, and writes nothing', async () => {
    const { workspace, dir } = openWorkspace('case.warrant');
    symlinkSync(workspace.path, join(dir, 'library.bib'));
    const control = { progress: () => undefined, throwIfCancelled: () => undefined, cancelled: false };
    await expect(exportToFile(workspace, 'bibtex', join(dir, 'library.bib'), control)).rejects.toThrow(/open workspace itself/);
    expectIntact(workspace);
  });
});

describe('a copy that does not finish', () => {
  it('when cancelled leaves no partial file, and an earlier file at the target as it was', async () => {
    const { workspace, dir } = openWorkspace('case.warrant');
    for (let i = 0; i < 40; i += 1) workspace.sources.create(draft({ title: `Padding ${i}`, notes: 'x'.repeat(20_000) }));
    const target = join(dir, 'copy.warrant');
    writeFileSync(target, 'an earlier copy');
    let steps = 0;
    await expect(workspace.saveCopy(target, { isCancelled: () => (steps += 1) > 1 })).rejects.toMatchObject({ code: 'cancelled' });
    expect(readFileSync(target, 'utf8')).toBe('an earlier copy');
    expect(leftovers(dir)).toEqual([]);
    expectIntact(workspace);
  });

  it('when it fails leaves nothing behind', async () => {
    const { workspace, dir } = openWorkspace('case.warrant');
    const target = join(dir, 'taken');
    mkdirSync(target);
    await expect(workspace.saveCopy(target)).rejects.toMatchObject({ code: 'workspace_unavailable' });
    expect(statSync(target).isDirectory()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    expect(existsSync(join(dir, 'copy.warrant'))).toBe(false);
  });

  it('a finished copy is private to its owner under umask 022', async () => {
    const { workspace, dir } = openWorkspace('case.warrant');
    const previous = process.umask(0o022);
    try {
      await workspace.saveCopy(join(dir, 'copy.warrant'));
    } finally {
      process.umask(previous);
    }
    expect(statSync(join(dir, 'copy.warrant')).mode & 0o777).toBe(0o600);
  });
});
