import { toErrorPayload, WarrantError } from './warrant-error';
import type { JobEvent, JobSnapshot } from './job-events';

/** What a running job sees: a way to report progress and to learn it should stop. */
export interface JobControl {
  progress(done: number, total: number, message: string): void;
  /** True once cancellation was requested; long loops check it between steps. */
  readonly cancelled: boolean;
  /** Throws a `cancelled` error if cancellation was requested. */
  throwIfCancelled(): void;
}

type Listener = (event: JobEvent) => void;

interface RunningJob {
  cancelled: boolean;
}

/** Finished jobs are remembered this many at a time, so a client that missed the event can ask. */
const FINISHED_KEPT = 50;

/**
 * Runs jobs, numbers them and fans their events out to subscribers. Host-neutral: the browser
 * host streams the events over HTTP, the desktop host over IPC.
 */
export class JobManager {
  private readonly running = new Map<string, RunningJob>();
  private readonly listeners = new Set<Listener>();
  private readonly snapshots = new Map<string, JobSnapshot>();
  private counter = 0;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts `work` on the next turn and returns its id at once. */
  start(name: string, label: string, work: (control: JobControl) => Promise<unknown>): string {
    this.counter += 1;
    const jobId = `job-${this.counter}`;
    const state: RunningJob = { cancelled: false };
    this.running.set(jobId, state);
    const control: JobControl = {
      progress: (done, total, message) => this.emit({ type: 'progress', jobId, done, total, message }),
      get cancelled() {
        return state.cancelled;
      },
      throwIfCancelled() {
        if (state.cancelled) throw new WarrantError('cancelled', 'Cancelled.');
      },
    };
    this.emit({ type: 'started', jobId, name, label });
    void Promise.resolve()
      .then(() => work(control))
      .then(
        (result) => this.emit({ type: 'succeeded', jobId, result }),
        (error: unknown) => {
          const payload = toErrorPayload(error);
          this.emit(payload.code === 'cancelled' ? { type: 'cancelled', jobId } : { type: 'failed', jobId, error: payload });
        },
      )
      .finally(() => this.running.delete(jobId));
    return jobId;
  }

  /** Requests cancellation; false when no such job is running. */
  cancel(jobId: string): boolean {
    const state = this.running.get(jobId);
    if (!state) return false;
    state.cancelled = true;
    return true;
  }

  /** The latest state of a job, or undefined when it is unknown or long finished. */
  snapshot(jobId: string): JobSnapshot | undefined {
    return this.snapshots.get(jobId);
  }

  get activeCount(): number {
    return this.running.size;
  }

  private emit(event: JobEvent): void {
    this.record(event);
    for (const listener of this.listeners) listener(event);
  }

  private record(event: JobEvent): void {
    const previous = this.snapshots.get(event.jobId);
    const base: JobSnapshot = previous ?? { jobId: event.jobId, status: 'running', done: 0, total: 0, message: '' };
    switch (event.type) {
      case 'started':
        this.snapshots.set(event.jobId, base);
        return;
      case 'progress':
        this.snapshots.set(event.jobId, { ...base, done: event.done, total: event.total, message: event.message });
        return;
      case 'succeeded':
        this.snapshots.set(event.jobId, { ...base, status: 'succeeded', result: event.result });
        break;
      case 'failed':
        this.snapshots.set(event.jobId, { ...base, status: 'failed', error: event.error });
        break;
      case 'cancelled':
        this.snapshots.set(event.jobId, { ...base, status: 'cancelled' });
        break;
    }
    const finished = [...this.snapshots.values()].filter((snapshot) => snapshot.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) this.snapshots.delete(old.jobId);
  }
}
