/**
 * Exclusive Web Locks as the standard defines them, for the parts the renderer uses (`request`
 * with or without `ifAvailable`): neither happy-dom, jsdom nor Node 20 implements
 * `navigator.locks` (happy-dom's getter answers null), so a test of the logic around the locks
 * needs this stand-in. Shared by every "tab" rendered in one document, as the real one is per origin.
 */
export class StandInLockManager {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, (() => void)[]>();

  request<T>(name: string, options: { ifAvailable?: boolean }, callback: (lock: { name: string } | null) => T | Promise<T>): Promise<T> {
    if (this.held.has(name) && options.ifAvailable) return Promise.resolve().then(() => callback(null));
    return new Promise<T>((resolve, reject) => {
      const grant = (): void => {
        this.held.add(name);
        Promise.resolve()
          .then(() => callback({ name }))
          .then(resolve, reject)
          .finally(() => this.release(name));
      };
      if (this.held.has(name)) this.queues.set(name, [...(this.queues.get(name) ?? []), grant]);
      else grant();
    });
  }

  /** Whether a lock of this name is held now. */
  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  private release(name: string): void {
    this.held.delete(name);
    const next = this.queues.get(name)?.shift();
    next?.();
  }

  /** Puts this manager at `navigator.locks` until the returned function takes it away. */
  install(): () => void {
    Object.defineProperty(navigator, 'locks', { value: this, configurable: true });
    return () => {
      Reflect.deleteProperty(navigator, 'locks');
    };
  }
}
