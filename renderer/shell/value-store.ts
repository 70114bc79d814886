/**
 * One value outside React state: writing it re-renders only the components that read it
 * (through useStoreValue), not the tree that owns it. The editor's live counts and save state
 * change on every keystroke and must not re-render the editor around them.
 */
export class ValueStore<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
