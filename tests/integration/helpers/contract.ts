import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../src/contract/dispatch';
import { type WireResult } from '../../../src/contract/errors';
import { type JobSnapshot } from '../../../src/contract/job-events';
import { JobManager } from '../../../src/contract/job-manager';
import { DownloadStore } from '../../../main/downloads';
import { createHandlers, type HostServices } from '../../../main/handlers';
import { RecentWorkspaces } from '../../../main/recent-workspaces';
import { UploadStore } from '../../../main/uploads';
import { WorkspaceSession } from '../../../main/workspace-session';
import { TempDirs } from './temp-workspace';

/**
 * The whole contract over a real workspace file, as a transport sees it: a dispatcher with the
 * real handlers (no native dialogs, like the browser host). `internalErrors` collects anything
 * that escaped as an unexpected error.
 */
export class ContractFixture {
  readonly temp = new TempDirs();
  readonly internalErrors: string[] = [];
  dir = '';
  path = '';
  session!: WorkspaceSession;
  uploads!: UploadStore;
  jobManager!: JobManager;
  dispatcher!: Dispatcher;
  /** Where download deliveries land (exports), readable by tests. */
  downloads!: DownloadStore;
  /** Host services a test adds (e.g. a PDF printer) before `open()`. */
  hostExtras: Partial<HostServices> = {};

  open(): this {
    return this.openAt(join(this.temp.make(), 'contract.warrant'));
  }

  /** The same over the workspace at `path` (created if missing); copies go to `copy`, by default beside it. */
  openAt(path: string, copy = join(dirname(path), 'copy.warrant')): this {
    this.dir = dirname(path);
    this.path = path;
    this.uploads = new UploadStore();
    this.session = new WorkspaceSession(this.path, { create: true }, new RecentWorkspaces(join(this.dir, 'recent.json')), () => undefined);
    const host: HostServices = {
      appVersion: 'test',
      dialogs: null,
      deliverCopy: async (ws) => {
        await ws.saveCopy(copy);
        return { delivery: 'saved', path: copy };
      },
      ...this.hostExtras,
    };
    this.jobManager = new JobManager();
    this.downloads = new DownloadStore();
    const { handlers, jobHandlers } = createHandlers(this.session, this.jobManager, host, this.uploads, this.downloads);
    this.dispatcher = createDispatcher(handlers, jobHandlers, this.jobManager, {
      onInternalError: (operation, error) => this.internalErrors.push(`${operation}: ${String(error)}`),
    });
    return this;
  }

  /** Calls an operation and returns its value, or throws with the typed error's code and message. */
  async value<T>(name: string, payload: unknown): Promise<T> {
    const result = await this.dispatcher.call(name, payload);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  }

  /** Starts a job and waits for it to end; returns its final snapshot. */
  async job(name: string, payload: unknown): Promise<JobSnapshot> {
    const started = this.dispatcher.startJob(name, payload);
    if (!started.ok) throw new Error(`${name}: ${started.error.code}: ${started.error.message}`);
    // Bounded by time, not by polls: OCR on a loaded machine takes seconds.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const snapshot = await this.value<JobSnapshot>('jobs.get', { jobId: started.value.jobId });
      if (snapshot.status !== 'running') return snapshot;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${name} did not finish`);
  }

  call(name: string, payload: unknown): Promise<WireResult> {
    return this.dispatcher.call(name, payload);
  }

  close(): void {
    this.session.close();
    this.uploads.dispose();
    this.downloads.dispose();
    this.temp.cleanup();
  }
}

/**
 * A fresh workspace behind the contract for each test of the calling file; a test fails when
 * anything escaped as an internal error.
 */
export function contractPerTest(): ContractFixture {
  const contract = new ContractFixture();
  beforeEach(() => {
    contract.open();
  });
  afterEach(() => {
    expect(contract.internalErrors).toEqual([]);
    contract.close();
  });
  return contract;
}
