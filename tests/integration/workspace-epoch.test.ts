import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WireResult } from '../../src/contract/errors';
import { runBrowserHost, type RunningBrowserHost } from '../../main/web-host/browser-host';
import { takeBackup } from '../../db/backups';
import { TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
let host: RunningBrowserHost;

beforeEach(async () => {
  const dir = temp.make();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Warrant</title>');
  host = await runBrowserHost({ workspacePath: join(dir, 'case.warrant'), rendererDir, port: 0, create: true, backupIntervalMs: 0 });
});

afterEach(async () => {
  await host.close();
  temp.cleanup();
});

/** A call as the renderer's HTTP transport makes it, carrying the epoch its page was loaded with. */
async function call(op: string, body: unknown, epoch?: string): Promise<WireResult> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/call/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Warrant-Token': host.token, ...(epoch ? { 'X-Warrant-Epoch': epoch } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as WireResult;
}

async function epochNow(): Promise<string> {
  const info = await call('host.info', {});
  if (!info.ok) throw new Error(info.error.message);
  return (info.value as { workspace: { epoch: string } }).workspace.epoch;
}

function titles(): string[] {
  return host.session.current.sources.list({ sort: 'title', direction: 'asc', limit: 50, offset: 0 }).items.map((source) => source.title);
}

describe('the workspace epoch', () => {
  it('refuses a write (and a read) from a page loaded before a restore, and writes nothing', async () => {
    const before = await epochNow();
    const created = await call('sources.create', { draft: { title: 'Before the backup' } }, before);
    expect(created.ok).toBe(true);
    const backup = await takeBackup(host.session.current, 5);
    const afterBackup = await call('sources.create', { draft: { title: 'After the backup' } }, before);
    expect(afterBackup.ok).toBe(true);

    // Another tab restores the backup; this page still carries the epoch it was loaded with.
    expect(await call('backups.restore', { fileName: backup.fileName }, before)).toMatchObject({ ok: true });
    expect(titles()).toEqual(['Before the backup']);

    const stale = await call('sources.create', { draft: { title: 'Typed before the restore' } }, before);
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'workspace_stale', message: expect.stringContaining('restored from a backup') },
    });
    const staleRead = await call('sources.list', {}, before);
    expect(staleRead).toMatchObject({ ok: false, error: { code: 'workspace_stale' } });
    expect(titles()).toEqual(['Before the backup']);

    // The page reloads: host.info answers whatever the epoch, and the new one works.
    const after = await epochNow();
    expect(after).not.toBe(before);
    expect(await call('sources.create', { draft: { title: 'After reload' } }, after)).toMatchObject({ ok: true });
    expect(titles()).toEqual(['After reload', 'Before the backup']);
  });
});
