// The team status pushed to the pages over the browser host's event stream, so the chip follows
// the hub within a moment and a page asks nothing while nothing changes. Light on purpose: it is
// made with the host, before (and whether or not) the team client loads.
import type { HostEvent } from '../../src/contract/host-events';
import type { TeamStatusAnswer } from '../../src/contract/operations/team';

/** What the feed needs of a running hub: word of each change of its link or of a document. */
export interface StatusSource {
  onStatus(listener: () => void): () => void;
}

export interface TeamStatusFeedOptions {
  /** The status as `team.status` answers it now; null when the host cannot say (not loaded, failing). */
  read: () => Promise<TeamStatusAnswer | null>;
  /** The hub while the workspace belongs to a team (it changes on join and leave). */
  hub: () => StatusSource | null;
  /**
   * A hub change is looked at after this long, so a burst (typing offline adds to the waiting count
   * per update) is one push, and the library's projection, which runs on the next turn, is counted.
   */
  gatherMs?: number;
  /**
   * While a page listens, the feed also looks this often: a few changes do not pass through the
   * hub (a capture's bytes arriving re-projects its quotes; another tab joins or leaves). It reads
   * in process and pushes only a change, so the pages still send nothing.
   */
  sweepMs?: number;
}

type Listener = (event: HostEvent) => void;

export class TeamStatusFeed {
  private readonly listeners = new Set<Listener>();
  private readonly gatherMs: number;
  private readonly sweepMs: number;
  /** The status last pushed, as JSON, so an unchanged one is not pushed again. */
  private last: string | null = null;
  private followed: { hub: StatusSource; stop: () => void } | null = null;
  private gathering: ReturnType<typeof setTimeout> | null = null;
  private sweeping: ReturnType<typeof setInterval> | null = null;
  /** One look at a time; a look asked for meanwhile runs once after it, for whoever asked. */
  private looking: Promise<void> | null = null;
  private waitingNewcomers: Listener[] | null = null;

  constructor(private readonly options: TeamStatusFeedOptions) {
    this.gatherMs = options.gatherMs ?? 25;
    this.sweepMs = options.sweepMs ?? 1000;
  }

  /** Sends `listener` the status now, then each change of it, until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.sweeping ??= setInterval(() => void this.look(), this.sweepMs);
    this.sweeping.unref?.();
    void this.look([listener]);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Looks at the status and pushes it if it changed; `newcomers` get it whether or not. */
  look(newcomers: Listener[] = []): Promise<void> {
    if (this.looking) {
      this.waitingNewcomers = [...(this.waitingNewcomers ?? []), ...newcomers];
      return this.looking;
    }
    this.looking = this.lookNow(newcomers).finally(() => {
      this.looking = null;
      const next = this.waitingNewcomers;
      this.waitingNewcomers = null;
      if (next) void this.look(next);
    });
    return this.looking;
  }

  close(): void {
    this.listeners.clear();
    this.stop();
  }

  private async lookNow(newcomers: Listener[]): Promise<void> {
    this.follow();
    const status = await this.options.read().catch(() => null);
    if (!status || this.listeners.size === 0) return;
    const json = JSON.stringify(status);
    const changed = json !== this.last;
    this.last = json;
    const event: HostEvent = { type: 'team-status', status };
    for (const listener of changed ? this.listeners : newcomers) if (this.listeners.has(listener)) listener(event);
  }

  /** Listens to the hub that runs now (a join starts one, leaving stops it). */
  private follow(): void {
    const hub = this.options.hub();
    if (this.followed?.hub === hub) return;
    this.followed?.stop();
    this.followed = hub ? { hub, stop: hub.onStatus(() => this.gather()) } : null;
  }

  private gather(): void {
    if (this.gathering || this.listeners.size === 0) return;
    this.gathering = setTimeout(() => {
      this.gathering = null;
      void this.look();
    }, this.gatherMs);
  }

  private stop(): void {
    if (this.sweeping) clearInterval(this.sweeping);
    if (this.gathering) clearTimeout(this.gathering);
    this.sweeping = null;
    this.gathering = null;
    this.followed?.stop();
    this.followed = null;
    this.last = null;
  }
}
