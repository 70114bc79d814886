/** The browser's idle callback where there is one (this module also runs under Node in tests). */
const whenIdle = (globalThis as { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number }).requestIdleCallback?.bind(globalThis);

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

  constructor(private readonly options: AutosaveOptions<P>) {}

  get hasUnsaved(): boolean {
    return this.dirty;
  }

  markDirty(): void {
    const now = Date.now();
    if (!this.dirty) this.dirtySince = now;
    this.dirty = true;
    this.report();
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.delayMs, this.dirtySince + this.options.maxWaitMs - now));
    // Serialising a long document takes a while: do it when the page is idle, not between keys.
    this.timer = setTimeout(() => {
      if (whenIdle) whenIdle(() => void this.flush(), { timeout: 1000 });
      else void this.flush();
    }, wait);
  }

  /** Starts a save of the current text now, if anything is unsaved; resolves when all saves are done. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.dirty) return this.chain;
    const payload = this.options.capture();
    this.dirty = false;
    this.inFlight += 1;
    this.report();
    this.chain = this.chain.then(() =>
      this.options.send(payload).then(
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
      ).finally(() => {
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
      this.failed !== null && this.inFlight === 0 ? { state: 'failed', message: this.failed } : this.inFlight > 0 ? { state: 'saving' } : { state: this.dirty ? 'unsaved' : 'saved' };
    const key = JSON.stringify(status);
    if (key === this.reported) return;
    this.reported = key;
    this.options.onStatus(status);
  }
}
