import type { BodySaveStatus } from '../editor';
import { useLiveDom } from '../shell/useLiveDom';
import type { ValueStore } from '../shell/value-store';

const SAVE_LABELS = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…' } as const;

function paintSaveState(element: HTMLSpanElement, status: BodySaveStatus): void {
  element.className = `save-indicator save-${status.state}`;
  element.textContent = status.state === 'failed' ? `Not saved: ${status.message}` : SAVE_LABELS[status.state];
}

/** The body's own save state, painted without a React commit as it changes while typing. */
export function SaveIndicator({ store }: { store: ValueStore<BodySaveStatus> }) {
  const ref = useLiveDom(store.subscribe, store.get, paintSaveState);
  return <span ref={ref} role="status" aria-label="Briefing save state" className="save-indicator" />;
}
