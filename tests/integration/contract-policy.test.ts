import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type Transport } from '../../src/contract/client';
import { EPOCH_CHANGING_OPERATIONS } from '../../src/contract/mutating';
import type { JobPolicy, OperationPolicy } from '../../src/contract/define';
import { createDispatcher, type Dispatcher } from '../../src/contract/dispatch';
import type { WireResult } from '../../src/contract/errors';
import { JobManager } from '../../src/contract/job-manager';
import { jobs, operations, type JobName, type OperationName } from '../../src/contract/operations';
import { createHandlers } from '../../main/handlers';
import { UploadStore } from '../../main/uploads';
import { WorkspaceSession } from '../../main/workspace-session';
import { TempDirs } from './helpers/temp-workspace';

const namesWhere = (specs: Readonly<Record<string, object>>, test: (spec: never) => boolean): string[] =>
  Object.entries(specs)
    .filter(([, spec]) => test(spec as never))
    .map(([name]) => name)
    .sort();

/** Runs `body` with a policy flag changed on one operation's declaration, then puts it back. */
async function withPolicy(name: OperationName, policy: OperationPolicy, body: () => Promise<void>): Promise<void> {
  const spec = operations[name];
  const before = { writes: spec.writes, changesEpoch: spec.changesEpoch, epochFree: spec.epochFree };
  Object.assign(spec, policy);
  try {
    await body();
  } finally {
    Object.assign(spec, before);
  }
}

async function withJobPolicy(name: JobName, policy: JobPolicy, body: () => Promise<void>): Promise<void> {
  const spec = jobs[name];
  const before = { writes: spec.writes };
  Object.assign(spec, policy);
  try {
    await body();
  } finally {
    Object.assign(spec, before);
  }
}

describe('storage and epoch policy is declared on the contract', () => {
  it('names exactly the calls the hosts once listed by name', () => {
    // These were WRITING_JOBS and BACKUP_WRITES (main/storage-guard.ts), EPOCH_CHANGING
    // (src/contract/client.ts) and EPOCH_FREE (src/contract/dispatch.ts).
    expect(namesWhere(jobs, (spec: { writes: string }) => spec.writes === 'workspace')).toEqual([
      'library.importCommit',
      'snapshots.attach',
      'snapshots.readWithOcr',
    ]);
    expect([
      ...namesWhere(operations, (spec: { writes: string }) => spec.writes === 'backups'),
      ...namesWhere(jobs, (spec: { writes: string }) => spec.writes === 'backups'),
    ]).toEqual(['backups.restore', 'backups.create']);
    expect(namesWhere(operations, (spec: { changesEpoch: boolean }) => spec.changesEpoch)).toEqual([
      'backups.restore',
      'workspace.create',
      'workspace.open',
      'workspace.openCleanedCopy',
      'workspace.openRecent',
      'workspace.openSample',
    ]);
    expect(namesWhere(operations, (spec: { epochFree: boolean }) => spec.epochFree)).toEqual(['host.info', 'jobs.cancel', 'jobs.get']);
    // The guard once let every workspace.* and backups.* call past its file checks by prefix;
    // among commands, exactly those now say they write no part of the open workspace file.
    expect(namesWhere(operations, (spec: { mutates: boolean; writes: string }) => spec.mutates && spec.writes !== 'workspace')).toEqual([
      'backups.restore',
      'workspace.create',
      'workspace.open',
      'workspace.openCleanedCopy',
      'workspace.openRecent',
      'workspace.openSample',
    ]);
  });

  describe('and the hosts act on what it declares', () => {
    const temp = new TempDirs();
    const sessions: WorkspaceSession[] = [];
    const uploads = new UploadStore();
    let path = '';
    let writer: WorkspaceSession;
    beforeEach(() => {
      path = join(temp.make(), 'policy.warrant');
      writer = new WorkspaceSession(path, { create: true });
      sessions.push(writer);
    });
    afterEach(() => {
      for (const session of sessions.splice(0).reverse()) session.close();
      temp.cleanup();
    });

    /** The real handlers and dispatcher over `session`, built after any flag was changed (the guard reads it then). */
    const dispatcherFor = (session: WorkspaceSession, epoch: boolean): { dispatcher: Dispatcher; jobManager: JobManager } => {
      const jobManager = new JobManager();
      const { handlers, jobHandlers } = createHandlers(
        session,
        jobManager,
        { appVersion: 'test', dialogs: null, deliverCopy: () => Promise.reject(new Error('unused')) },
        uploads,
      );
      return { dispatcher: createDispatcher(handlers, jobHandlers, jobManager, epoch ? { epoch: session.epochSource } : {}), jobManager };
    };
    const readOnly = (): WorkspaceSession => {
      const session = new WorkspaceSession(path, { readOnly: true });
      sessions.push(session);
      return session;
    };

    it('the dispatcher answers a stale page only for calls flagged epochFree', async () => {
      const { dispatcher } = dispatcherFor(writer, true);
      expect(await dispatcher.call('sources.list', {}, 'an older epoch')).toMatchObject({ ok: false, error: { code: 'workspace_stale' } });
      expect(await dispatcher.call('host.info', {}, 'an older epoch')).toMatchObject({ ok: true });
      await withPolicy('sources.list', { epochFree: true }, async () => {
        expect(await dispatcher.call('sources.list', {}, 'an older epoch')).toMatchObject({ ok: true });
      });
      await withPolicy('host.info', { epochFree: false }, async () => {
        expect(await dispatcher.call('host.info', {}, 'an older epoch')).toMatchObject({ ok: false, error: { code: 'workspace_stale' } });
      });
    });

    it('the storage guard refuses, in a read-only session, exactly what is declared to write', async () => {
      const reader = readOnly();
      expect(await dispatcherFor(reader, false).dispatcher.call('tags.list', {})).toMatchObject({ ok: true });
      expect(await dispatcherFor(reader, false).dispatcher.call('tags.create', { path: 'Actor' })).toMatchObject({
        ok: false,
        error: { code: 'workspace_locked' },
      });
      await withPolicy('tags.list', { writes: 'backups' }, async () => {
        expect(await dispatcherFor(reader, false).dispatcher.call('tags.list', {})).toMatchObject({
          ok: false,
          error: { code: 'workspace_locked' },
        });
      });
      await withPolicy('tags.create', { writes: 'none' }, async () => {
        // Let past the guard, the write itself still fails: the session holds no lock, but the
        // refusal is no longer the guard's read-only message.
        const result = await dispatcherFor(reader, false).dispatcher.call('tags.create', { path: 'Actor' });
        expect(result.ok ? 'created' : result.error.message).not.toMatch(/open read-only/);
      });
      await withJobPolicy('workspace.saveCopy', { writes: 'workspace' }, async () => {
        const { dispatcher, jobManager } = dispatcherFor(reader, false);
        const started = dispatcher.startJob('workspace.saveCopy', {});
        if (!started.ok) throw new Error(started.error.message);
        await expect.poll(() => jobManager.snapshot(started.value.jobId)?.status).toBe('failed');
        expect(jobManager.snapshot(started.value.jobId)?.error).toMatchObject({ code: 'workspace_locked' });
      });
    });

    it('the client adopts a new epoch after the calls the contract flags changesEpoch (read from its lightweight list, held equal to the contract by tests/unit/mutating-operations.test.ts)', async () => {
      const infoCalls: string[] = [];
      const transport: Transport = {
        call: (name): Promise<WireResult> => {
          if (name === 'host.info') {
            infoCalls.push(name);
            return Promise.resolve({
              ok: true,
              value: {
                appVersion: 't',
                capabilities: { nativeDialogs: false },
                workspace: { name: 'a', path: '/a', epoch: 'e', readOnly: false },
              },
            });
          }
          return Promise.resolve({ ok: true, value: { items: [] } });
        },
        startJob: () => Promise.resolve({ ok: true, value: { jobId: 'j' } }),
        subscribe: () => () => undefined,
        fetchFile: () => Promise.resolve(new Uint8Array()),
        uploadFile: () => Promise.resolve({ ok: true, value: { uploadId: 'u' } }),
      };
      const client = createClient(transport);
      await client.call('host.info', {});
      await client.call('tags.list', {});
      expect(infoCalls).toHaveLength(1);
      expect(EPOCH_CHANGING_OPERATIONS.has('backups.restore')).toBe(true);
      await client.call('backups.restore', { fileName: 'x.warrant' } as never);
      expect(infoCalls).toHaveLength(2);
    });
  });
});
