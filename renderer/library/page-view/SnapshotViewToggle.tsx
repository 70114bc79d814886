import { useCallback, useState } from 'react';

export type SnapshotView = 'page' | 'text';

const KEY = 'warrant.snapshotView';

function remembered(): SnapshotView {
  try {
    return window.localStorage.getItem(KEY) === 'page' ? 'page' : 'text';
  } catch {
    return 'text';
  }
}

/** Which view of a PDF or image snapshot the analyst chose last, kept for the next source she opens. */
export function useSnapshotView(): [SnapshotView, (view: SnapshotView) => void] {
  const [view, setView] = useState<SnapshotView>(remembered);
  const choose = useCallback((next: SnapshotView) => {
    setView(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Storage refused (private mode, quota): the choice holds for this page only.
    }
  }, []);
  return [view, choose];
}

/** "Page view / Text view": two buttons, one pressed, reached and pressed with the keyboard like any. */
export function SnapshotViewToggle({ view, onChange }: { view: SnapshotView; onChange: (view: SnapshotView) => void }) {
  return (
    <div className="snapshot-view-toggle" role="group" aria-label="Show the snapshot as">
      <button type="button" aria-pressed={view === 'page'} onClick={() => onChange('page')}>
        Page view
      </button>
      <button type="button" aria-pressed={view === 'text'} onClick={() => onChange('text')}>
        Text view
      </button>
    </div>
  );
}
