// Keeps the open workspace's library bound to the team hub that is running, whichever way the hub
// started (a join now, or a binding resumed at host start) and whichever workspace is open.
import type { Workspace } from '../../db/workspace';
import { mayWrite } from '../../src/team/permissions';
import type { TeamHub } from './team-hub';
import { SnapshotBlobs } from './snapshot-blobs';
import { TeamLibrary } from './team-library';
import type { ActiveTeamLibrary } from './team-writes';

export class TeamLibraryBinding {
  private bound: { hub: TeamHub; workspace: Workspace; ready: Promise<ActiveTeamLibrary | null>; stop: () => void } | null = null;

  constructor(
    /** The running hub, or null while solo (or before the team client has loaded). */
    private readonly hub: () => TeamHub | null,
    private readonly workspace: () => Workspace,
  ) {}

  /**
   * The library bound to the running hub, starting it when the hub is new; null while solo. A
   * library document that fails to open leaves the library unbound (and says why to the caller).
   */
  active(): Promise<ActiveTeamLibrary | null> {
    const hub = this.hub();
    const workspace = this.workspace();
    if (!hub) {
      this.unbind();
      return Promise.resolve(null);
    }
    if (this.bound?.hub === hub && this.bound.workspace === workspace) return this.bound.ready;
    this.unbind();
    const identity = { user: hub.binding.userName, mayWrite: mayWrite(hub.binding.role, 'library/sources') };
    const blobs: SnapshotBlobs = new SnapshotBlobs({
      serverUrl: hub.binding.serverUrl,
      token: hub.binding.token,
      workspace: () => workspace,
      sharedCaptures: () => library.captureIds(),
      arrived: (snapshotId) => library.captureArrived(snapshotId),
      mayUpload: identity.mayWrite,
    });
    const library = new TeamLibrary(() => workspace, identity, blobs);
    // Each time the hub is back from offline, what failed meanwhile (uploads and fetches) is tried
    // at once; only on that change, since the hub reports its status after every update.
    let wasOffline = hub.status().state === 'offline';
    const unsubscribe = hub.onStatus(({ state }) => {
      if (wasOffline && state !== 'offline') blobs.connected();
      wasOffline = state === 'offline';
    });
    const ready = library
      .start((name) => hub.openDocument(name))
      .then(
        () => ({ library, mayWrite: identity.mayWrite }),
        (error: unknown) => {
          this.bound = null;
          throw error;
        },
      );
    this.bound = {
      hub,
      workspace,
      ready,
      stop: () => {
        unsubscribe();
        blobs.close();
      },
    };
    return ready;
  }

  /** Grows with every batch of team changes written into the library (0 while solo). */
  async generation(): Promise<number> {
    const active = await this.active().catch(() => null);
    return active?.library.projectedGeneration ?? 0;
  }

  private unbind(): void {
    const previous = this.bound;
    this.bound = null;
    previous?.stop();
    void previous?.ready.then((active) => active?.library.close()).catch(() => undefined);
  }
}
