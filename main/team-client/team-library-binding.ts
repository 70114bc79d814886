// Keeps the open workspace's library bound to the team hub that is running, whichever way the hub
// started (a join now, or a binding resumed at host start) and whichever workspace is open.
import type { Workspace } from '../../db/workspace';
import { mayWrite } from '../../src/team/permissions';
import type { TeamHub } from './team-hub';
import type { SnapshotBlobs } from './snapshot-blobs';
import type { TeamLibrary } from './team-library';
import type { ActiveTeamLibrary } from './team-writes';

function reportProjectionError(error: unknown): void {
  console.error('A shared briefing could not be projected:', error);
}

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
    return this.bind(hub, workspace);
  }

  private bind(hub: TeamHub, workspace: Workspace): Promise<ActiveTeamLibrary | null> {
    let stopped = false;
    let stop = (): void => {
      stopped = true;
    };
    // Yjs and the library's documents load with the first team (a solo host never loads them).
    const ready = Promise.all([import('./snapshot-blobs'), import('./team-library')]).then(async ([{ SnapshotBlobs }, { TeamLibrary }]) => {
      if (stopped) return null;
      const started = this.start(hub, workspace, SnapshotBlobs, TeamLibrary);
      stop = started.stop;
      return started.ready;
    });
    this.bound = { hub, workspace, ready, stop: () => stop() };
    ready.catch(() => {
      if (this.bound?.ready === ready) this.bound = null;
    });
    return ready;
  }

  private start(
    hub: TeamHub,
    workspace: Workspace,
    SnapshotBlobsClass: typeof SnapshotBlobs,
    TeamLibraryClass: typeof TeamLibrary,
  ): { ready: Promise<ActiveTeamLibrary>; stop: () => void } {
    const identity = { user: hub.binding.userName, mayWrite: mayWrite(hub.binding.role, 'library/sources') };
    const blobs: SnapshotBlobs = new SnapshotBlobsClass({
      serverUrl: hub.binding.serverUrl,
      token: hub.binding.token,
      workspace: () => workspace,
      sharedCaptures: () => library.captureIds(),
      arrived: (snapshotId) => library.captureArrived(snapshotId),
      mayUpload: identity.mayWrite,
    });
    const library = new TeamLibraryClass(() => workspace, identity, blobs, {
      // A teammate's briefing arrived: its body's document is followed, which brings the text into its row.
      arrived: (briefingIds) => {
        void import('./briefing-sharing')
          .then(({ sharingOf }) => {
            const sharing = sharingOf(hub, () => workspace, reportProjectionError);
            return Promise.all(briefingIds.map((id) => sharing.followWhenSeeded(id)));
          })
          .catch(reportProjectionError);
      },
    });
    // Each time the hub is back from offline, what failed meanwhile (uploads and fetches) is tried
    // at once; only on that change, since the hub reports its status after every update.
    let wasOffline = hub.status().state === 'offline';
    const unsubscribe = hub.onStatus(({ state }) => {
      if (wasOffline && state !== 'offline') blobs.connected();
      wasOffline = state === 'offline';
    });
    const ready = library.start((name) => hub.openDocument(name)).then(() => ({ library, mayWrite: identity.mayWrite }));
    return {
      ready,
      stop: () => {
        unsubscribe();
        blobs.close();
      },
    };
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
