import { useCallback } from 'react';
import type { SaveState } from '../../src/contract/client';
import { useClient } from '../app/useClient';
import { useLiveDom } from './useLiveDom';

function describe(state: SaveState): string {
  if (state.status === 'saving') return 'Saving…';
  if (state.status === 'failed') return `Not saved: ${state.message}`;
  return state.lastSavedAt === null ? 'All changes saved' : `All changes saved at ${new Date(state.lastSavedAt).toLocaleTimeString()}`;
}

function paint(element: HTMLSpanElement, state: SaveState): void {
  element.textContent = describe(state);
  element.className = state.status === 'failed' ? 'status-failed' : '';
}

/** Bottom bar: which workspace is open and whether everything is saved (painted as saves happen). */
export function StatusBar({ workspaceName, workspacePath }: { workspaceName: string; workspacePath: string }) {
  const client = useClient();
  const subscribe = useCallback((onChange: () => void) => client.onSaveState(onChange), [client]);
  const read = useCallback(() => client.saveState, [client]);
  const status = useLiveDom(subscribe, read, paint);
  return (
    <footer className="status-bar">
      <span title={workspacePath}>
        Workspace: <strong>{workspaceName}</strong>
      </span>
      <span ref={status} role="status" aria-label="Save state" />
    </footer>
  );
}
