import { useSaveState } from './useSaveState';

function describe(state: ReturnType<typeof useSaveState>): string {
  if (state.status === 'saving') return 'Saving…';
  if (state.status === 'failed') return `Not saved: ${state.message}`;
  return state.lastSavedAt === null ? 'All changes saved' : `All changes saved at ${new Date(state.lastSavedAt).toLocaleTimeString()}`;
}

/** Bottom bar: which workspace is open and whether everything is saved. */
export function StatusBar({ workspaceName, workspacePath }: { workspaceName: string; workspacePath: string }) {
  const state = useSaveState();
  return (
    <footer className="status-bar">
      <span title={workspacePath}>
        Workspace: <strong>{workspaceName}</strong>
      </span>
      <span role="status" aria-label="Save state" className={state.status === 'failed' ? 'status-failed' : undefined}>
        {describe(state)}
      </span>
    </footer>
  );
}
