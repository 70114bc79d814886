import { Workspace } from '../db/workspace';
import type { RecentWorkspaces } from './recent-workspaces';

/** Options passed to every workspace this host opens (e.g. the native module for Electron). */
export interface OpenWorkspaceOptions {
  nativeBinding?: string;
}

/** The host's open workspace, which the desktop app can swap for another. */
export class WorkspaceSession {
  private workspace: Workspace;
  private beforeClose: ((workspace: Workspace) => Promise<void>) | null = null;
  private readonly disposers: (() => void)[] = [];

  constructor(
    initialPath: string,
    private readonly options: OpenWorkspaceOptions & { create?: boolean } = {},
    private readonly recent: RecentWorkspaces | null = null,
    private readonly onSwitched: () => void = () => undefined,
  ) {
    this.workspace = Workspace.open(initialPath, { create: options.create ?? false, nativeBinding: options.nativeBinding });
    this.recent?.add(this.workspace.path);
  }

  get current(): Workspace {
    return this.workspace;
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
    const next = Workspace.open(path, { create, nativeBinding: this.options.nativeBinding });
    const previous = this.workspace;
    this.workspace = next;
    // Nothing reaches the previous workspace any more, so its last backup may finish unhurried.
    void this.retire(previous);
    this.recent?.add(next.path);
    this.onSwitched();
  }

  /** Work to finish before a workspace closes on a switch or shutdown (e.g. a final backup). */
  setBeforeClose(hook: (workspace: Workspace) => Promise<void>, dispose: () => void): void {
    this.beforeClose = hook;
    this.disposers.push(dispose);
  }

  /**
   * Closes the workspace, lets `change` replace its file, and opens the same path again. When
   * `change` throws, it must have put the file back; the original is reopened either way.
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
    this.onSwitched();
    return result;
  }

  close(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.workspace.close();
  }

  /** Like {@link close}, after the before-close work (a final backup) has finished. */
  async closeAsync(): Promise<void> {
    await this.retire(this.workspace);
    this.close();
  }

  private async retire(workspace: Workspace): Promise<void> {
    try {
      await this.beforeClose?.(workspace);
    } catch {
      // A failed final backup must not keep the workspace open or stop a switch.
    } finally {
      workspace.close();
    }
  }
}
