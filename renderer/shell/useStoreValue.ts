import { useSyncExternalStore } from 'react';
import type { ValueStore } from './value-store';

/** The current value of a ValueStore; re-renders when it changes. */
export function useStoreValue<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
