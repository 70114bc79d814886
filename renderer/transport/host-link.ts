import type { HostLink, HostState } from '../../src/contract/client';

/**
 * The browser host's side of HostLink. `warrant web` may stop and start again with a new token
 * (and maybe a new port): calls then reach no host, or a host that refuses this page's token, and
 * the page says so until it is given the new address. While a new token is being tried, every
 * call but the probe waits, so an autosave retry cannot reach the new run before the page has
 * checked that it serves the same workspace and learnt its epoch.
 */
export class HttpHostLink implements HostLink {
  private current: HostState = 'connected';
  private readonly listeners = new Set<(state: HostState) => void>();
  private gate: Promise<void> | null = null;

  constructor(private tokenValue: string) {}

  get token(): string {
    return this.tokenValue;
  }

  get state(): HostState {
    return this.current;
  }

  onChange(listener: (state: HostState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when calls may go out (at once, unless a new address is being tried). */
  ready(): Promise<void> {
    return this.gate ?? Promise.resolve();
  }

  /** A call reached no host, or one that refused this page's token. */
  noteUnreachable(): void {
    this.set('lost');
  }

  /** A call was answered with this page's token. */
  noteAnswered(): void {
    if (this.gate === null) this.set('connected');
  }

  /**
   * The page was given a new address (its token): try it with the probe (`confirm`), and carry on
   * with it only if the host there serves this page's workspace. Resolves to whether it does.
   */
  async adopt(token: string, confirm: () => Promise<boolean>): Promise<boolean> {
    const previous = this.tokenValue;
    let open = (): void => undefined;
    this.gate = new Promise((resolve) => (open = resolve));
    this.tokenValue = token;
    let same = false;
    try {
      same = await confirm();
    } finally {
      if (!same) this.tokenValue = previous;
      this.gate = null;
      open();
    }
    if (same) this.set('connected');
    return same;
  }

  private set(next: HostState): void {
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }
}
