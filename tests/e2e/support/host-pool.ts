import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reserveWorkspace, startHostProcess, type HostProcess } from './host-process';
import { copyEmptyWorkspace } from './workspace-template';

/** A test's folder with a fresh empty workspace in it, and a browser host already starting on that workspace. */
export interface PooledWorkspace {
  readonly workdir: string;
  readonly workspacePath: string;
  /** The host serving `workspacePath`, for the test that wants it; stopped unused otherwise. */
  claimHost(): Promise<HostProcess>;
  /** Stops the host unclaimed, for a test that serves another workspace. */
  stopUnclaimedHost(): Promise<void>;
  /** Stops the host if no test claimed it, and removes the folder. */
  dispose(): Promise<void>;
}

function prepare(): PooledWorkspace {
  const workdir = mkdtempSync(join(tmpdir(), 'warrant-e2e-'));
  const workspacePath = join(workdir, 'e2e.warrant');
  copyEmptyWorkspace(workspacePath);
  const starting = startHostProcess(workspacePath);
  // A start that fails is reported to the test that claims the host; unclaimed, it is only logged at dispose.
  starting.catch(() => undefined);
  let claimed = false;
  const stopUnclaimed = async (): Promise<void> => {
    if (claimed) return;
    claimed = true;
    release();
    const host = await starting.catch(() => null);
    await host?.stop();
  };
  // A test that starts its own host on this file (restarts, crashes) gets it to itself.
  const release = reserveWorkspace(workspacePath, stopUnclaimed);
  return {
    workdir,
    workspacePath,
    claimHost: () => {
      if (claimed) throw new Error(`The host on ${workspacePath} was already claimed or stopped.`);
      claimed = true;
      release();
      return starting;
    },
    stopUnclaimedHost: stopUnclaimed,
    dispose: async () => {
      await stopUnclaimed();
      rmSync(workdir, { recursive: true, force: true });
    },
  };
}

/**
 * One workspace and host prepared ahead per Playwright worker: while a test runs, the next test's
 * host starts (about a second of waiting each test no longer pays). Tests never share a host or a
 * workspace: each takes a fresh folder, and the next one is prepared the moment it is taken.
 */
export class HostPool {
  private next: PooledWorkspace | null = null;

  take(): PooledWorkspace {
    const taken = this.next ?? prepare();
    this.next = prepare();
    return taken;
  }

  async close(): Promise<void> {
    await this.next?.dispose();
    this.next = null;
  }
}
