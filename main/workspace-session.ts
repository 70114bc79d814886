import { Workspace } from '../db/workspace';
import type { RecentWorkspaces } from './recent-workspaces';

/** Options passed to every workspace this host opens (e.g. the native module for Electron). */
export interface OpenWorkspaceOptions {
  nativeBinding?: string;
}

/** The host's open workspace, which the desktop app can swap for another. */
export class WorkspaceSession {
  private workspace: Workspace;

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

  get recentWorkspaces(): RecentWorkspaces | null {
    return this.recent;
  }

  /** Opens `path` first and only then closes the current one, so a refused file changes nothing. */
  switchTo(path: string, create: boolean): void {
    const next = Workspace.open(path, { create, nativeBinding: this.options.nativeBinding });
    const previous = this.workspace;
    this.workspace = next;
    previous.close();
    this.recent?.add(next.path);
    this.onSwitched();
  }

  close(): void {
    this.workspace.close();
  }
}
