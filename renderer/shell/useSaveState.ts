import { useSyncExternalStore } from 'react';
import type { SaveState } from '../../src/contract/client';
import { useClient } from '../app/useClient';

/** Whether this window's writes have reached the workspace file. */
export function useSaveState(): SaveState {
  const client = useClient();
  return useSyncExternalStore(
    (onChange) => client.onSaveState(onChange),
    () => client.saveState,
  );
}
