import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../src/contract/dispatch';
import { type WireResult } from '../../src/contract/errors';
import { type JobSnapshot } from '../../src/contract/job-events';
import { JobManager } from '../../src/contract/job-manager';
import { Workspace } from '../../db/workspace';
import { createHandlers, type HostServices } from '../../main/handlers';
import { RecentWorkspaces } from '../../main/recent-workspaces';
import { UploadStore } from '../../main/uploads';
import { WorkspaceSession } from '../../main/workspace-session';
import { sha256File, TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
let session: WorkspaceSession;
let dir: string;
/** What the stand-in for the user's native dialog answers next (null: the user cancelled). */
let dialogAnswer: string | null;
let switches: number;
let uploads: UploadStore;
let dispatcher: Dispatcher;
let internalErrors: { operation: string; error: unknown }[];
let copyPath: string;

beforeEach(() => {
  dir = temp.make();
  copyPath = join(dir, 'copy.warrant');
  dialogAnswer = null;
  switches = 0;
  uploads = new UploadStore();
  session = new WorkspaceSession(
    join(dir, 'case.warrant'),
    { create: true },
    new RecentWorkspaces(join(dir, 'recent.json')),
    () => (switches += 1),
  );
  const jobManager = new JobManager();
  // The desktop host's way of delivering: written to a path (here fixed instead of a dialog).
  const host: HostServices = {
    appVersion: '9.9.9',
    dialogs: { pickNewWorkspacePath: async () => dialogAnswer, pickWorkspaceToOpen: async () => dialogAnswer },
    async deliverCopy(ws, control) {
      await ws.saveCopy(copyPath, {
        onProgress: (done, total) => control.progress(done, total, 'Copying pages'),
        isCancelled: () => control.cancelled,
      });
      return { delivery: 'saved', path: copyPath };
    },
  };
  const { handlers, jobHandlers } = createHandlers(session, jobManager, host, uploads);
  internalErrors = [];
  dispatcher = createDispatcher(handlers, jobHandlers, jobManager, {
    onInternalError: (operation, error) => internalErrors.push({ operation, error }),
  });
});

afterEach(() => {
  session.close();
  uploads.dispose();
  temp.cleanup();
});

function sourceCount(): number {
  return session.current.sources.list({ sort: 'title', direction: 'asc', limit: 500, offset: 0 }).total;
}

function errorOf(result: WireResult): NonNullable<Extract<WireResult, { ok: false }>['error']> {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

async function waitForJob(jobId: string): Promise<JobSnapshot> {
  for (let i = 0; i < 200; i += 1) {
    const result = await dispatcher.call('jobs.get', { jobId });
    if (result.ok && (result.value as JobSnapshot).status !== 'running') return result.value as JobSnapshot;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('job did not finish');
}

describe('dispatcher over the real handlers', () => {
  it('creates and lists a source, applying draft defaults', async () => {
    const created = await dispatcher.call('sources.create', { draft: { title: '  Press release  ' } });
    expect(created.ok).toBe(true);
    expect(created.ok && created.value).toMatchObject({ title: 'Press release', kind: 'other', reliability: null, url: null });
    const listed = await dispatcher.call('sources.list', {});
    expect(listed).toMatchObject({ ok: true, value: { total: 1, items: [{ title: 'Press release' }] } });
  });

  it('treats a missing or null payload as empty input', async () => {
    expect(await dispatcher.call('sources.list', undefined)).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await dispatcher.call('settings.get', null)).toEqual({
      ok: true,
      value: { analystName: '', defaultMarking: 'TLP:CLEAR', backupsToKeep: 5, version: 1 },
    });
  });

  it('answers host.info from the host and the open workspace', async () => {
    expect(await dispatcher.call('host.info', {})).toEqual({
      ok: true,
      value: {
        appVersion: '9.9.9',
        capabilities: { nativeDialogs: true },
        workspace: { name: 'case.warrant', path: session.current.path, epoch: session.epoch, readOnly: false },
        lastPlace: null,
        teamRelay: null,
      },
    });
  });

  it('keeps the last place for the next start, refuses one that is not a place, and reads a damaged one as none', async () => {
    const caret = { anchor: { path: [1, 0], offset: 4, type: 'text' }, focus: { path: [1, 0], offset: 4, type: 'text' } };
    const writes = session.current.writeCount;
    expect(await dispatcher.call('workspace.rememberPlace', { route: '#/briefings/abc', caret })).toEqual({ ok: true, value: {} });
    expect(session.current.writeCount, 'a place is not a change: no automatic backup for a session that only looked').toBe(writes);
    expect(await dispatcher.call('host.info', {})).toMatchObject({ ok: true, value: { lastPlace: { route: '#/briefings/abc', caret } } });
    for (const bad of [
      { route: 'javascript:alert(1)', caret: null },
      { route: '#/library' },
      { route: '#/library', caret: null, text: 'x' },
    ])
      expect(errorOf(await dispatcher.call('workspace.rememberPlace', bad)).code).toBe('invalid_input');
    const raw = new Database(session.current.path);
    raw.prepare('UPDATE last_place SET value = ?').run('{"route": 42}');
    raw.close();
    expect(await dispatcher.call('host.info', {})).toMatchObject({ ok: true, value: { lastPlace: null } });
  });

  it('refuses unknown operations, including prototype names', async () => {
    for (const name of ['sources.destroy', '__proto__', 'constructor', 'toString', '']) {
      expect(errorOf(await dispatcher.call(name, {})).code).toBe('unknown_operation');
    }
    expect(errorOf(dispatcher.startJob('workspace.format', {})).code).toBe('unknown_operation');
  });

  it('returns invalid_input with a message per field and writes nothing', async () => {
    const error = errorOf(
      await dispatcher.call('sources.create', {
        draft: { title: ' ', url: 'javascript:alert(1)', reliability: 'G', publishedDate: '2017-02-29' },
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('4 fields need attention.');
    expect(error.details?.fields).toEqual({
      'draft.title': 'Give the source a title.',
      'draft.url': 'Enter a web address starting with http:// or https://.',
      'draft.reliability': 'Choose a grade from A to F, or leave the source ungraded.',
      'draft.publishedDate': 'Use YYYY, YYYY-MM or YYYY-MM-DD with a real date.',
    });
    expect(sourceCount()).toBe(0);
  });

  it('refuses unknown keys at the top level and inside the draft, and wrong types', async () => {
    const cases: unknown[] = [
      { draft: { title: 'ok' }, sneaky: true },
      { draft: { title: 'ok', id: 'chosen-by-caller' } },
      { draft: { title: 42 } },
      { draft: 'a title' },
      [],
      'text',
    ];
    for (const payload of cases) {
      const error = errorOf(await dispatcher.call('sources.create', payload));
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.details?.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect(errorOf(await dispatcher.call('settings.update', { theme: 'dark' })).code).toBe('invalid_input');
    expect(errorOf(await dispatcher.call('sources.list', { limit: 1000 })).details?.fields).toHaveProperty('limit');
    expect(sourceCount()).toBe(0);
  });

  it('passes typed store errors through and does not report them as internal', async () => {
    expect(errorOf(await dispatcher.call('sources.get', { id: 'missing' })).code).toBe('not_found');
    expect(errorOf(await dispatcher.call('trash.restore', { kind: 'source', id: 'missing' })).code).toBe('not_found');
    expect(errorOf(await dispatcher.call('jobs.get', { jobId: 'job-404' })).code).toBe('not_found');
    expect(internalErrors).toEqual([]);
  });

  it('checks what a handler returns and hides a contract breach as internal', async () => {
    const created = await dispatcher.call('sources.create', { draft: { title: 'Tampered' } });
    const id = created.ok ? (created.value as { id: string }).id : '';
    // Another program writes a kind this build does not know.
    const db = new Database(session.current.path);
    db.prepare("UPDATE sources SET kind = 'rumour' WHERE id = ?").run(id);
    db.close();
    const error = errorOf(await dispatcher.call('sources.get', { id }));
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('rumour');
    expect(internalErrors.map((entry) => entry.operation)).toEqual(['sources.get']);
  });

  it('runs the delete → trash → restore → empty cycle', async () => {
    const created = await dispatcher.call('sources.create', { draft: { title: 'Cycle' } });
    const id = created.ok ? (created.value as { id: string }).id : '';
    expect(await dispatcher.call('sources.delete', { id })).toMatchObject({ ok: true, value: { id } });
    expect(await dispatcher.call('trash.list', {})).toMatchObject({ ok: true, value: { items: [{ kind: 'source', id, label: 'Cycle' }] } });
    expect(await dispatcher.call('trash.restore', { kind: 'source', id })).toEqual({ ok: true, value: { restored: true } });
    expect(sourceCount()).toBe(1);
    await dispatcher.call('sources.delete', { id });
    expect(await dispatcher.call('trash.empty', {})).toEqual({ ok: true, value: { removed: 1 } });
    expect(await dispatcher.call('trash.list', {})).toEqual({ ok: true, value: { items: [] } });
  });

  it('validates job input and runs a job to its validated result', async () => {
    expect(errorOf(dispatcher.startJob('workspace.saveCopy', { path: '/etc/passwd' })).code).toBe('invalid_input');
    await dispatcher.call('sources.create', { draft: { title: 'In the copy' } });
    const started = dispatcher.startJob('workspace.saveCopy', {});
    if (!started.ok) throw new Error('job did not start');
    const snapshot = await waitForJob(started.value.jobId);
    expect(snapshot).toMatchObject({ status: 'succeeded', result: { delivery: 'saved', path: copyPath } });
    const copy = Workspace.open(copyPath);
    try {
      expect(copy.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items.map((s) => s.title)).toEqual([
        'In the copy',
      ]);
    } finally {
      copy.close();
    }
  });

  it('cancels a job through jobs.cancel', async () => {
    const started = dispatcher.startJob('workspace.saveCopy', {});
    if (!started.ok) throw new Error('job did not start');
    expect(await dispatcher.call('jobs.cancel', { jobId: started.value.jobId })).toEqual({ ok: true, value: { cancelling: true } });
    expect((await waitForJob(started.value.jobId)).status).toBe('cancelled');
    expect(existsSync(copyPath)).toBe(false);
    expect(await dispatcher.call('jobs.cancel', { jobId: started.value.jobId })).toEqual({ ok: true, value: { cancelling: false } });
  });

  it('creates and opens workspaces through the host’s dialogs, keeping a recent list', async () => {
    await dispatcher.call('sources.create', { draft: { title: 'Only in the first' } });
    const second = join(dir, 'second.warrant');
    dialogAnswer = null;
    expect(await dispatcher.call('workspace.create', {})).toEqual({ ok: true, value: { switched: false } });
    expect(switches).toBe(0);

    dialogAnswer = second;
    expect(await dispatcher.call('workspace.create', {})).toEqual({ ok: true, value: { switched: true } });
    expect(switches).toBe(1);
    expect(session.current.path).toBe(second);
    expect(sourceCount()).toBe(0);
    const recent = await dispatcher.call('workspace.recent', {});
    expect(recent).toEqual({
      ok: true,
      value: {
        items: [
          { name: 'second.warrant', path: second },
          { name: 'case.warrant', path: join(dir, 'case.warrant') },
        ],
      },
    });

    expect(await dispatcher.call('workspace.openRecent', { index: 1 })).toEqual({ ok: true, value: { switched: true } });
    expect(session.current.name).toBe('case.warrant');
    expect(sourceCount()).toBe(1);
    expect(errorOf(await dispatcher.call('workspace.openRecent', { index: 7 })).code).toBe('not_found');
    expect(errorOf(await dispatcher.call('workspace.openRecent', { index: -1 })).code).toBe('invalid_input');
  });

  it('opens the sample workspace beside the current one, building it once and reopening it after that', async () => {
    const sample = join(dir, 'Warrant sample.warrant');
    expect(existsSync(sample)).toBe(false);
    expect(await dispatcher.call('workspace.openSample', {})).toEqual({ ok: true, value: { switched: true } });
    expect(session.current.path).toBe(sample);
    expect(switches).toBe(1);
    expect(sourceCount()).toBe(8);
    const [briefing] = session.current.briefings.list({ sort: 'updated', direction: 'desc', text: '' });
    expect(session.current.judgements.list(briefing?.id ?? '').items).toHaveLength(4);

    // Back to the analyst's workspace; a second offer reopens the sample with the analyst's changes kept.
    dialogAnswer = join(dir, 'case.warrant');
    await dispatcher.call('workspace.open', {});
    expect(session.current.path).toBe(join(dir, 'case.warrant'));
    const changed = new Database(sample);
    changed.prepare("UPDATE sources SET title = 'Changed by the analyst' WHERE kind = 'speech'").run();
    changed.close();
    expect(await dispatcher.call('workspace.openSample', {})).toEqual({ ok: true, value: { switched: true } });
    expect(session.current.path).toBe(sample);
    expect(session.current.sources.list({ sort: 'title', direction: 'asc', limit: 100, offset: 0 }).items.map((s) => s.title)).toContain(
      'Changed by the analyst',
    );
  });

  it('keeps the current workspace when the picked file is refused', async () => {
    const notAWorkspace = join(dir, 'notes.warrant');
    writeFileSync(notAWorkspace, 'plain text');
    dialogAnswer = notAWorkspace;
    const result = await dispatcher.call('workspace.open', {});
    expect(errorOf(result)).toMatchObject({ code: 'workspace_unavailable' });
    expect(errorOf(result).message).toContain(notAWorkspace);
    expect(session.current.name).toBe('case.warrant');
    expect(switches).toBe(0);
    expect(await dispatcher.call('sources.create', { draft: { title: 'Still writable' } })).toMatchObject({ ok: true });
  });

  it('refuses a received workspace with a trigger of its own, then opens a cleaned copy beside it', async () => {
    const received = join(dir, 'received.warrant');
    Workspace.open(received, { create: true }).close();
    const crafted = new Database(received);
    crafted.exec(
      'CREATE TABLE exfil (text TEXT); CREATE TRIGGER copy_quotes AFTER INSERT ON quotes BEGIN INSERT INTO exfil VALUES (new.text); END;',
    );
    crafted.close();
    const before = sha256File(received);
    expect(errorOf(await dispatcher.call('workspace.openCleanedCopy', {})).code).toBe('not_found');
    dialogAnswer = received;
    const refused = errorOf(await dispatcher.call('workspace.open', {}));
    expect(refused.code).toBe('workspace_unavailable');
    expect(refused.details?.foreignSchema).toEqual(['table exfil', 'trigger copy_quotes']);
    expect(session.current.name).toBe('case.warrant');

    expect(await dispatcher.call('workspace.openCleanedCopy', {})).toEqual({
      ok: true,
      value: { switched: true, name: 'received (cleaned).warrant' },
    });
    expect(session.current.path).toBe(join(dir, 'received (cleaned).warrant'));
    expect(sha256File(received)).toBe(before);
    expect(internalErrors).toEqual([]);
  });
});
