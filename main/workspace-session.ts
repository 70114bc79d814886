import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Workspace } from '../db/workspace';
import type { RecentWorkspaces } from './recent-workspaces';
import { currentHolder, describeHolder, WorkspaceLock } from './workspace-lock';
import { prepareWorkspace, type PreparedWorkspace, type SessionOptions } from './workspace-opening';

export type { OpenWorkspaceOptions, SessionOptions } from './workspace-opening';

/** What made the workspace epoch change last, for the stale page's message. */
type EpochChange = 'opened' | 'restored' | 'switched';

/**
 * The host's open workspace, which the desktop app can swap for another. It holds the file's
 * write lock (unless opened read-only) and an epoch that changes on every restore and switch.
 */
export class WorkspaceSession {
  private workspace: Workspace;
  private lock: WorkspaceLock | null;
  private beforeClose: ((workspace: Workspace) => Promise<void>) | null = null;
  private readonly leaving = new Set<(workspace: Workspace) => Promise<void>>();
  private readonly disposers: (() => void)[] = [];
  private epochValue = randomUUID();
  private lastChange: EpochChange = 'opened';

  /** `initial` is a path, or a file the host has already locked and opened (see prepareWorkspace). */
  constructor(
    initial: string | PreparedWorkspace,
    private readonly options: SessionOptions = {},
    private readonly recent: RecentWorkspaces | null = null,
    private readonly onSwitched: () => void = () => undefined,
  ) {
    const prepared = typeof initial === 'string' ? prepareWorkspace(initial, options) : initial;
    this.lock = prepared.lock;
    try {
      this.workspace = Workspace.fromOpened(prepared.file);
    } catch (error) {
      this.lock?.release();
      throw error;
    }
    this.recent?.add(this.workspace.path);
  }

  get current(): Workspace {
    return this.workspace;
  }

  /** Changes whenever the open workspace is restored from a backup or swapped for another file. */
  get epoch(): string {
    return this.epochValue;
  }

  /** The epoch as the dispatcher checks it, with what a stale page is told. */
  get epochSource(): { current(): string; staleMessage(): string } {
    return {
      current: () => this.epochValue,
      staleMessage: () =>
        this.lastChange === 'switched'
          ? 'Another workspace was opened after this page was loaded, so nothing was done here. Reload to continue with it.'
          : 'The workspace was restored from a backup after this page was loaded, so nothing was written from this page. Reload to continue with the restored workspace.',
    };
  }

  /** True when opened without the write lock: every write is refused. */
  get readOnly(): boolean {
    return this.lock === null;
  }

  /** For a read-only session: who holds the workspace now, as a message names them. */
  heldBy(): string | null {
    const holder = currentHolder(this.workspace.path);
    return holder ? describeHolder(holder) : null;
  }

  /** The native module this host opens workspaces with (undefined: the default one). */
  get nativeBinding(): string | undefined {
    return this.options.nativeBinding;
  }

  get recentWorkspaces(): RecentWorkspaces | null {
    return this.recent;
  }

  /** Opens `path` first and only then closes the current one, so a refused file changes nothing. */
  switchTo(path: string, create: boolean): void {
    // Reopening the file this session already holds keeps its lock rather than meeting it.
    const same = resolve(path) === this.workspace.path && this.lock !== null;
    const nextLock = same && this.lock ? this.lock : this.lockFor(path);
    let next: Workspace;
    try {
      next = Workspace.open(path, { create, nativeBinding: this.options.nativeBinding });
    } catch (error) {
      if (!same) nextLock.release();
      throw error;
    }
    const previous = this.workspace;
    // The final backup below only reads the previous file, so another process may take it now.
    if (!same) this.lock?.release();
    this.workspace = next;
    this.lock = nextLock;
    this.newEpoch('switched');
    // Nothing reaches the previous workspace any more, so its last backup may finish unhurried.
    void this.retire(previous);
    this.recent?.add(next.path);
    this.onSwitched();
  }

  /**
   * More work that must finish with a workspace before it closes on a switch or shutdown, called
   * when the session has already moved on (the desktop app's team hub folds its documents into
   * the file it came from). Returns how to stop asking.
   */
  whenLeaving(hook: (workspace: Workspace) => Promise<void>): () => void {
    this.leaving.add(hook);
    return () => this.leaving.delete(hook);
  }

  /** Work to finish before a workspace closes on a switch or shutdown (e.g. a final backup). */
  setBeforeClose(hook: (workspace: Workspace) => Promise<void>, dispose: () => void): void {
    this.beforeClose = hook;
    this.disposers.push(dispose);
  }

  /**
   * Closes the workspace, lets `change` replace its file, and opens the same path again. When
   * `change` throws, it must have put the file back; the original is reopened either way.
   * The lock stays held throughout: no other process may open the file in between.
   */
  reopenAfter<T>(change: (path: string) => T): T {
    const path = this.workspace.path;
    this.workspace.close();
    let result: T;
    try {
      result = change(path);
    } finally {
      this.workspace = Workspace.open(path, { create: false, nativeBinding: this.options.nativeBinding });
    }
    this.newEpoch('restored');
    this.onSwitched();
    return result;
  }

  close(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.workspace.close();
    this.lock?.release();
  }

  /** Like {@link close}, after the before-close work (a final backup) has finished. */
  async closeAsync(): Promise<void> {
    await this.retire(this.workspace);
    this.close();
  }

  private lockFor(path: string): WorkspaceLock {
    return WorkspaceLock.acquire(path, this.options.lockAs ?? 'browser host', this.options.lockedAdvice);
  }

  private newEpoch(change: EpochChange): void {
    this.epochValue = randomUUID();
    this.lastChange = change;
  }

  private async retire(workspace: Workspace): Promise<void> {
    // Settled, never thrown: like a failed backup, a failure here must not keep the file open.
    await Promise.allSettled([...this.leaving].map(async (hook) => hook(workspace)));
    try {
      await this.beforeClose?.(workspace);
    } catch {
      // A failed final backup must not keep the workspace open or stop a switch.
    } finally {
      workspace.close();
    }
  }
}
