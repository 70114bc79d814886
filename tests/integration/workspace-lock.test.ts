import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/contract/dispatch';
import { JobManager } from '../../src/contract/job-manager';
import { createHandlers } from '../../main/handlers';
import { UploadStore } from '../../main/uploads';
import { lockPathFor } from '../../main/workspace-lock';
import { WorkspaceSession } from '../../main/workspace-session';
import { runCli } from './helpers/cli';
import { draft, sha256File, TempDirs } from './helpers/temp-workspace';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/interchange/${name}`, import.meta.url));

/** The pid of a process that has certainly exited (a child that ran and was reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function dispatcherFor(session: WorkspaceSession) {
  const uploads = new UploadStore();
  const jobManager = new JobManager();
  const { handlers, jobHandlers } = createHandlers(
    session,
    jobManager,
    { appVersion: 'test', dialogs: null, deliverCopy: () => Promise.reject(new Error('unused')) },
    uploads,
  );
  return { dispatcher: createDispatcher(handlers, jobHandlers, jobManager), dispose: () => uploads.dispose() };
}

describe('one writer per workspace file', () => {
  const temp = new TempDirs();
  const open: WorkspaceSession[] = [];
  let path = '';
  const session = (options: ConstructorParameters<typeof WorkspaceSession>[1] = { create: true }): WorkspaceSession => {
    const opened = new WorkspaceSession(path, options);
    open.push(opened);
    return opened;
  };
  beforeEach(() => {
    path = join(temp.make(), 'case.warrant');
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
    temp.cleanup();
  });

  it('refuses a second host naming the holder, and lets it open read-only with every write refused', async () => {
    const first = session();
    first.current.sources.create(draft({ title: 'Held source' }));
    expect(() => new WorkspaceSession(path, { create: true })).toThrow(
      expect.objectContaining({
        code: 'workspace_locked',
        message: expect.stringMatching(
          new RegExp(`is open in Warrant \\(browser host, pid ${process.pid}, since \\d\\d:\\d\\d\\) — open it read-only`),
        ),
      }),
    );

    const reader = session({ readOnly: true });
    expect(reader.readOnly).toBe(true);
    const { dispatcher, dispose } = dispatcherFor(reader);
    try {
      const listed = await dispatcher.call('sources.list', {});
      expect(listed).toMatchObject({ ok: true, value: { total: 1 } });
      const refused = await dispatcher.call('sources.create', { draft: { title: 'Should not land' } });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'workspace_locked', message: expect.stringContaining(`browser host, pid ${process.pid}`) },
      });
      expect(await dispatcher.call('settings.update', { analystName: 'X' })).toMatchObject({
        ok: false,
        error: { code: 'workspace_locked' },
      });
      expect(await dispatcher.call('backups.restore', { fileName: 'case 2026-12-04T10-00-00Z.warrant' })).toMatchObject({
        ok: false,
        error: { code: 'workspace_locked' },
      });
    } finally {
      dispose();
    }
    expect(first.current.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items.map((s) => s.title)).toEqual([
      'Held source',
    ]);
    expect(first.current.settings.get().analystName).toBe('');
  });

  it('does not update, read-only, a file an older Warrant holds', () => {
    session().close();
    open.splice(0);
    const db = new Database(path);
    db.prepare('DELETE FROM warrant_migrations WHERE id = (SELECT max(id) FROM warrant_migrations)').run();
    db.close();
    const before = sha256File(path);
    expect(() => session({ readOnly: true })).toThrow(
      expect.objectContaining({ code: 'workspace_locked', message: expect.stringContaining('older Warrant') }),
    );
    expect(sha256File(path)).toBe(before);
  });

  it('removes its lock on a clean close, so the next host opens the file', () => {
    const first = session();
    expect(existsSync(lockPathFor(path))).toBe(true);
    first.close();
    open.splice(0);
    expect(existsSync(lockPathFor(path))).toBe(false);
    expect(session().readOnly).toBe(false);
  });

  it('takes over a stale lock left by a process that died', () => {
    session().close();
    open.splice(0);
    const pid = deadPid();
    writeFileSync(
      lockPathFor(path),
      JSON.stringify({ pid, host: hostname(), startedAt: new Date().toISOString(), who: 'desktop app', token: 'crashed' }),
    );
    const taken = session();
    expect(taken.readOnly).toBe(false);
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8'))).toMatchObject({ pid: process.pid, who: 'browser host' });
  });

  it('takes over a lock whose process number now belongs to a process started after it', () => {
    // This very process started before the lock's (pretended) time: only a later start proves reuse.
    writeFileSync(
      lockPathFor(path),
      JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2000-01-01T00:00:00.000Z', who: 'desktop app', token: 'old' }),
    );
    expect(session().readOnly).toBe(false);
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8'))).toMatchObject({ pid: process.pid, who: 'browser host' });
  });

  it('refuses the CLI import into an open workspace with the message, and still exports from it', async () => {
    const host = session();
    host.current.sources.create(draft({ title: 'Already here' }));
    const refused = await runCli(['import', fixture('zotero.ris'), '--workspace', path]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`is open in Warrant (browser host, pid ${process.pid}, since`);
    expect(refused.stderr).toContain('nothing was imported');
    expect(host.current.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).total).toBe(1);

    const exported = await runCli(['export-library', '--workspace', path, '--format', 'csl-json']);
    expect(exported.code).toBe(0);
    expect((JSON.parse(exported.stdout) as { title: string }[]).map((item) => item.title)).toEqual(['Already here']);
  }, 60_000);
});
