import type { EditMode } from './useBriefingLock';

/** Tells a tab that another one is editing this briefing, and lets it take over. */
export function EditModeBanner({ mode, onEditHere }: { mode: EditMode; onEditHere: () => void }) {
  if (mode === 'editing') return null;
  return (
    <div className="edit-mode-banner" role="status" aria-label="Editing elsewhere">
      {mode === 'waiting' ? (
        <span>Asking the other tab to save and hand this briefing over…</span>
      ) : (
        <>
          <span>This briefing is open for editing in another tab, so it is read-only here.</span>{' '}
          <button type="button" onClick={onEditHere}>
            Edit here instead
          </button>
        </>
      )}
    </div>
  );
}
