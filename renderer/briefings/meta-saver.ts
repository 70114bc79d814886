/**
 * Saves a record's fields one request at a time, each naming the version the previous one left.
 * Two changes in quick succession (adding one tag, then another) would otherwise both name the
 * same version, and the second would be refused as if another window had written in between.
 * Every value is the whole set of fields, so a change waiting behind a request in flight replaces
 * any older waiting one.
 */
export interface SerialSaverOptions<T> {
  /** Sends one save naming `baseVersion`; resolves with the version it stored. */
  send: (value: T, baseVersion: number) => Promise<number>;
  /** A save failed; `mine` is the newest value not stored (nothing more is sent until the next request). */
  onFailure: (failure: unknown, mine: T) => void;
}

export class SerialSaver<T> {
  private waiting: T | null = null;
  private running: Promise<void> | null = null;
  private inFlight = false;
  private options: SerialSaverOptions<T> | null = null;

  constructor(private version: number) {}

  /** Says how to send and what to do on failure (set by the owner once it is mounted). */
  connect(options: SerialSaverOptions<T>): void {
    this.options = options;
  }

  /** The version the next save will name. */
  get baseVersion(): number {
    return this.version;
  }

  /** After the analyst chose between two versions: later saves start from `version`. */
  rebase(version: number): void {
    this.version = version;
  }

  /** Saves `value` as soon as the request before it (if any) has finished. */
  request(value: T): Promise<void> {
    this.waiting = value;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * The page is going away and the queue will get no further turn: send what is waiting now,
   * naming the version the request still in flight will leave behind (each save adds one).
   */
  leave(): void {
    if (this.waiting === null || this.options === null) return;
    const value = this.waiting;
    this.waiting = null;
    void this.options.send(value, this.version + (this.inFlight ? 1 : 0)).catch(() => undefined);
  }

  private async drain(): Promise<void> {
    const options = this.options;
    if (options === null) return;
    while (this.waiting !== null) {
      const value = this.waiting;
      this.waiting = null;
      this.inFlight = true;
      try {
        this.version = await options.send(value, this.version);
      } catch (failure) {
        const mine = this.waiting ?? value;
        this.waiting = null;
        options.onFailure(failure, mine);
        return;
      } finally {
        this.inFlight = false;
      }
    }
  }
}
