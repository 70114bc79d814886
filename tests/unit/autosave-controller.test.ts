import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, type BodySaveStatus } from '../../renderer/editor/plugins/autosave/autosave-controller';

describe('autosave controller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp(send: (text: string) => Promise<void>, idle: ((run: () => void) => void) | null = null) {
    let text = '';
    const statuses: string[] = [];
    const sent: string[] = [];
    const controller = new AutosaveController<string>({
      capture: () => text,
      send: async (payload) => {
        sent.push(payload);
        await send(payload);
      },
      onStatus: (status: BodySaveStatus) => statuses.push(status.state),
      delayMs: 400,
      maxWaitMs: 3000,
      retryMs: 2000,
      idle,
    });
    const type = (next: string) => {
      text = next;
      controller.markDirty();
    };
    return { controller, type, statuses, sent };
  }

  it('debounces typing, but never holds an edit longer than the longest wait', async () => {
    const { type, sent } = setUp(async () => undefined);
    for (let i = 1; i <= 20; i += 1) {
      type(`draft ${i}`);
      await vi.advanceTimersByTimeAsync(200);
    }
    // 20 keys 200 ms apart: the 400 ms quiet time never came, the 3 s cap did.
    expect(sent).toEqual(['draft 15']);
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toEqual(['draft 15', 'draft 20']);
  });

  it('saves once per longest wait while typing goes on, however long the page takes to go idle', async () => {
    // The page is busy with keys: idle callbacks run only when the test says the page is idle,
    // one per idle moment (serialising a long document uses up the moment).
    const waiting: (() => void)[] = [];
    const { type, sent } = setUp(
      async () => undefined,
      (run) => waiting.push(run),
    );
    for (let i = 1; i <= 40; i += 1) {
      type(`draft ${i}`);
      await vi.advanceTimersByTimeAsync(100);
      if (i % 8 === 0) waiting.shift()?.();
      await vi.advanceTimersByTimeAsync(0);
    }
    // 4 s of typing: one save when the 3 s cap came due (at the next idle moment), not a burst.
    expect(sent).toEqual(['draft 32']);
    waiting.splice(0).forEach((run) => run());
    await vi.advanceTimersByTimeAsync(400);
    waiting.splice(0).forEach((run) => run());
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['draft 32', 'draft 40']);
  });

  it('flushes at once on leaving, in order, and reports saved only when the host committed', async () => {
    let release: () => void = () => undefined;
    const { controller, type, sent, statuses } = setUp(() => new Promise<void>((done) => (release = done)));
    type('last keystroke');
    const done = controller.flush();
    expect(sent).toEqual([]);
    await Promise.resolve();
    expect(sent).toEqual(['last keystroke']);
    expect(statuses.at(-1)).toBe('saving');
    release();
    await done;
    expect(statuses.at(-1)).toBe('saved');
  });

  it('is settled only with nothing unsaved and no save on its way', async () => {
    let release: () => void = () => undefined;
    const { controller, type } = setUp(() => new Promise<void>((done) => (release = done)));
    expect(controller.settled).toBe(true);
    type('one word');
    expect(controller.settled).toBe(false);
    const done = controller.flush();
    // Sent but not yet committed: not dirty any more, and still not settled.
    expect(controller.hasUnsaved).toBe(false);
    expect(controller.settled).toBe(false);
    await Promise.resolve();
    release();
    await done;
    expect(controller.settled).toBe(true);
  });

  it('retries a failed save by itself, and shows the failure until one succeeds', async () => {
    let failing = true;
    const { type, sent, statuses } = setUp(async () => {
      if (failing) throw new Error('The disk is full.');
    });
    type('kept text');
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toEqual(['kept text']);
    expect(statuses.at(-1)).toBe('failed');
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual(['kept text', 'kept text']);
    failing = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual(['kept text', 'kept text', 'kept text']);
    expect(statuses.at(-1)).toBe('saved');
  });
});
