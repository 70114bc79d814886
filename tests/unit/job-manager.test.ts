import { describe, expect, it } from 'vitest';
import { WarrantError } from '../../src/contract/errors';
import { type JobEvent } from '../../src/contract/job-events';
import { JobManager } from '../../src/contract/job-manager';

/** Resolves with the job's events once it reaches a final state. */
function collectUntilDone(manager: JobManager): { events: JobEvent[]; done: Promise<JobEvent[]> } {
  const events: JobEvent[] = [];
  const done = new Promise<JobEvent[]>((resolve) => {
    const unsubscribe = manager.subscribe((event) => {
      events.push(event);
      if (event.type === 'succeeded' || event.type === 'failed' || event.type === 'cancelled') {
        unsubscribe();
        resolve(events);
      }
    });
  });
  return { events, done };
}

describe('JobManager', () => {
  it('emits started, then progress, then succeeded with the result', async () => {
    const manager = new JobManager();
    const { done } = collectUntilDone(manager);
    const jobId = manager.start('workspace.saveCopy', 'Saving a copy', async (control) => {
      control.progress(1, 2, 'half');
      control.progress(2, 2, 'all');
      return { answer: 42 };
    });
    const events = await done;
    expect(events).toEqual([
      { type: 'started', jobId, name: 'workspace.saveCopy', label: 'Saving a copy' },
      { type: 'progress', jobId, done: 1, total: 2, message: 'half' },
      { type: 'progress', jobId, done: 2, total: 2, message: 'all' },
      { type: 'succeeded', jobId, result: { answer: 42 } },
    ]);
    expect(manager.snapshot(jobId)).toEqual({ jobId, status: 'succeeded', done: 2, total: 2, message: 'all', result: { answer: 42 } });
  });

  it('returns distinct ids and reports the job as running until it ends', async () => {
    const manager = new JobManager();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { done } = collectUntilDone(manager);
    const first = manager.start('a', 'A', async (control) => {
      control.progress(3, 10, 'working');
      await gate;
      return null;
    });
    const second = manager.start('b', 'B', async () => null);
    expect(first).not.toBe(second);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(manager.snapshot(first)).toEqual({ jobId: first, status: 'running', done: 3, total: 10, message: 'working' });
    expect(manager.activeCount).toBe(1);
    release();
    await done;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(manager.snapshot(first)?.status).toBe('succeeded');
    expect(manager.activeCount).toBe(0);
  });

  it('cancels a running job that checks for cancellation', async () => {
    const manager = new JobManager();
    const { done } = collectUntilDone(manager);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const jobId = manager.start('slow', 'Slow', async (control) => {
      await gate;
      control.throwIfCancelled();
      return 'finished anyway';
    });
    expect(manager.cancel(jobId)).toBe(true);
    release();
    const events = await done;
    expect(events.map((event) => event.type)).toEqual(['started', 'cancelled']);
    expect(events.at(-1)).toEqual({ type: 'cancelled', jobId });
    expect(manager.snapshot(jobId)?.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(manager.cancel(jobId)).toBe(false);
  });

  it('exposes the cancellation flag to jobs that poll it', async () => {
    const manager = new JobManager();
    const { done } = collectUntilDone(manager);
    const seen: boolean[] = [];
    let resume: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const jobId = manager.start('poll', 'Poll', async (control) => {
      seen.push(control.cancelled);
      await paused;
      seen.push(control.cancelled);
      control.throwIfCancelled();
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(manager.cancel(jobId)).toBe(true);
    resume();
    const events = await done;
    expect(seen).toEqual([false, true]);
    expect(events.at(-1)?.type).toBe('cancelled');
  });

  it('refuses to cancel an unknown job', () => {
    expect(new JobManager().cancel('job-999')).toBe(false);
  });

  it('reports a typed failure with its payload', async () => {
    const manager = new JobManager();
    const { done } = collectUntilDone(manager);
    const jobId = manager.start('x', 'X', async () => {
      throw new WarrantError('workspace_unavailable', 'The disk is full.');
    });
    const events = await done;
    const expected = { code: 'workspace_unavailable', message: 'The disk is full.' };
    expect(events.at(-1)).toEqual({ type: 'failed', jobId, error: expected });
    expect(manager.snapshot(jobId)).toMatchObject({ status: 'failed', error: expected });
  });

  it('hides the details of an unexpected error behind code internal', async () => {
    const manager = new JobManager();
    const { done } = collectUntilDone(manager);
    manager.start('x', 'X', async () => {
      throw new Error('SQLITE_CORRUPT at /home/analyst/secret-case.warrant');
    });
    const last = (await done).at(-1);
    expect(last?.type).toBe('failed');
    if (last?.type !== 'failed') throw new Error('unreachable');
    expect(last.error.code).toBe('internal');
    expect(last.error.message).not.toContain('secret-case');
    expect(last.error.message).not.toContain('SQLITE');
  });

  it('stops delivering events to an unsubscribed listener', async () => {
    const manager = new JobManager();
    const received: JobEvent[] = [];
    const unsubscribe = manager.subscribe((event) => received.push(event));
    unsubscribe();
    const { done } = collectUntilDone(manager);
    manager.start('x', 'X', async () => 1);
    await done;
    expect(received).toEqual([]);
  });

  it('forgets unknown jobs and keeps only the latest 50 finished ones', async () => {
    const manager = new JobManager();
    expect(manager.snapshot('job-1')).toBeUndefined();
    const ids: string[] = [];
    for (let i = 0; i < 55; i += 1) {
      const { done } = collectUntilDone(manager);
      ids.push(manager.start('x', 'X', async () => i));
      await done;
    }
    expect(manager.snapshot(ids[0] ?? '')).toBeUndefined();
    expect(manager.snapshot(ids[4] ?? '')).toBeUndefined();
    expect(manager.snapshot(ids[5] ?? '')?.result).toBe(5);
    expect(manager.snapshot(ids[54] ?? '')?.result).toBe(54);
  });
});
