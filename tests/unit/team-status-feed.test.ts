import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../src/contract/host-events';
import type { TeamStatusAnswer } from '../../src/contract/operations/team';
import { TeamStatusFeed, type StatusSource } from '../../main/team-client/team-status-feed';

/** A hub stand-in: the feed only listens to it; `changed()` is what the hub says after an update or a link change. */
class FakeHub implements StatusSource {
  private readonly listeners = new Set<() => void>();
  onStatus(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  changed(): void {
    for (const listener of this.listeners) listener();
  }
  get followers(): number {
    return this.listeners.size;
  }
}

const joined = (waiting: number): TeamStatusAnswer => ({
  joined: true,
  serverUrl: 'http://127.0.0.1:4455',
  userName: 'ana',
  role: 'analyst',
  state: waiting > 0 ? 'offline' : 'connected',
  waiting,
  refusal: null,
  libraryGeneration: 0,
});

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('the team status pushed to pages', () => {
  it('sends each new stream the status at once, then only changes, gathered per burst of hub changes', async () => {
    let status = joined(0);
    let reads = 0;
    let hub: FakeHub | null = new FakeHub();
    const feed = new TeamStatusFeed({ read: async () => (reads++, status), hub: () => hub, gatherMs: 5, sweepMs: 60_000 });
    const first: HostEvent[] = [];
    const stopFirst = feed.subscribe((event) => first.push(event));
    await until(() => first.length === 1);
    expect(first[0]).toEqual({ type: 'team-status', status });

    // Three updates in one burst (offline typing): one look, one push.
    status = joined(3);
    const readsBefore = reads;
    hub?.changed();
    hub?.changed();
    hub?.changed();
    await until(() => first.length === 2);
    expect(reads - readsBefore).toBe(1);
    expect(first[1]).toMatchObject({ status: { waiting: 3, state: 'offline' } });

    // A second page gets the current status; the first, for which nothing changed, gets nothing.
    const second: HostEvent[] = [];
    const stopSecond = feed.subscribe((event) => second.push(event));
    await until(() => second.length === 1);
    hub?.changed();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(first).toHaveLength(2);

    // Leaving the team stops the hub; the feed lets go of it and follows the next one.
    const old = hub;
    hub = null;
    status = { joined: false, libraryGeneration: 0 };
    await feed.look();
    expect(old?.followers).toBe(0);
    expect(second.at(-1)).toEqual({ type: 'team-status', status: { joined: false, libraryGeneration: 0 } });
    stopFirst();
    stopSecond();
    feed.close();
  });

  it('sweeps for changes that do not pass through the hub while someone listens, and stops with the last listener', async () => {
    let status = joined(0);
    const feed = new TeamStatusFeed({ read: async () => status, hub: () => null, sweepMs: 10 });
    const events: HostEvent[] = [];
    const stop = feed.subscribe((event) => events.push(event));
    await until(() => events.length === 1);
    status = { ...status, libraryGeneration: 1 };
    await until(() => events.length === 2);
    stop();
    status = { ...status, libraryGeneration: 2 };
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(events).toHaveLength(2);
  });
});
