/** Runs `run` when the page is next idle (at most `timeoutMs` later). */
export type IdleScheduler = (run: () => void, timeoutMs: number) => void;

/** The browser's idle callback where there is one (this module also runs under Node in tests). */
const browserIdle = (
  globalThis as { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number }
).requestIdleCallback?.bind(globalThis);
const defaultIdle: IdleScheduler | null = browserIdle ? (run, timeoutMs) => void browserIdle(run, { timeout: timeoutMs }) : null;

/** What the briefing's own save indicator shows. */
export type BodySaveStatus = { state: 'saved' | 'unsaved' | 'saving' } | { state: 'failed'; message: string };

export interface AutosaveOptions<P> {
  /** Captures what to save, synchronously, at the moment a save starts. */
  capture: () => P;
  /** Sends one save; resolves when the host has committed it. */
  send: (payload: P) => Promise<void>;
  onStatus: (status: BodySaveStatus) => void;
  /** Quiet time after the last edit before saving. */
  delayMs: number;
  /** Longest an edit may wait while typing goes on. */
  maxWaitMs: number;
  /** After a failed save, when to try again without waiting for another keystroke. */
  retryMs?: number;
  /** Where a due save waits for an idle moment (default: requestIdleCallback; null saves at once). */
  idle?: IdleScheduler | null;
}

/**
 * Debounced autosave. Saves go out one at a time in order (a later save never overtakes an
 * earlier one), each captures the text when it starts, and `flush()` starts one at once (on
 * switching briefings or closing) so an edit made just before is never left behind.
 */
export class AutosaveController<P> {
  private dirty = false;
  private dirtySince = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private failed: string | null = null;
  private reported = '';
  /** A save is due and waiting for an idle moment; edits meanwhile ride along with it. */
  private idlePending = false;
  /** Bumped by every flush, so an idle callback scheduled before it does not save again. */
  private idleToken = 0;

  constructor(private readonly options: AutosaveOptions<P>) {}

  get hasUnsaved(): boolean {
    return this.dirty;
  }

  /** Nothing unsaved and no save on its way: what is stored is what the editor held at the last save. */
  get settled(): boolean {
    return !this.dirty && this.inFlight === 0;
  }

  markDirty(): void {
    const now = Date.now();
    if (!this.dirty) this.dirtySince = now;
    this.dirty = true;
    this.report();
    // Rescheduling here used to queue one idle callback per key once the longest wait had
    // passed, and each of them saved again: three saves of a long document in a burst.
    if (this.idlePending) return;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.delayMs, this.dirtySince + this.options.maxWaitMs - now));
    this.timer = setTimeout(() => this.saveWhenIdle(), wait);
  }

  /** Serialising a long document takes a while: do it when the page is idle, not between keys. */
  private saveWhenIdle(): void {
    const idle = this.options.idle === undefined ? defaultIdle : this.options.idle;
    if (!idle) {
      void this.flush();
      return;
    }
    const token = this.idleToken;
    this.idlePending = true;
    idle(() => {
      if (token === this.idleToken) void this.flush();
    }, 1000);
  }

  /** Starts a save of the current text now, if anything is unsaved; resolves when all saves are done. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.idlePending = false;
    this.idleToken += 1;
    if (!this.dirty) return this.chain;
    const payload = this.options.capture();
    this.dirty = false;
    this.inFlight += 1;
    this.report();
    this.chain = this.chain.then(() =>
      this.options
        .send(payload)
        .then(
          () => {
            this.failed = null;
          },
          (error: unknown) => {
            this.failed = error instanceof Error ? error.message : 'The save failed.';
            // The text stays unsaved: try again later even if the analyst has stopped typing.
            if (!this.dirty) this.dirtySince = Date.now();
            this.dirty = true;
            clearTimeout(this.timer);
            this.timer = setTimeout(() => void this.flush(), this.options.retryMs ?? 5000);
          },
        )
        .finally(() => {
          this.inFlight -= 1;
          this.report();
        }),
    );
    return this.chain;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  /** Tells the indicator only about changes: markDirty runs on every keystroke. */
  private report(): void {
    const status: BodySaveStatus =
      this.failed !== null && this.inFlight === 0
        ? { state: 'failed', message: this.failed }
        : this.inFlight > 0
          ? { state: 'saving' }
          : { state: this.dirty ? 'unsaved' : 'saved' };
    const key = JSON.stringify(status);
    if (key === this.reported) return;
    this.reported = key;
    this.options.onStatus(status);
  }
}
