import { useState } from 'react';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';
import { ModalDialog } from '../shell/ModalDialog';
import { RevisionDiff } from './RevisionDiff';

/** A body save that lost to another tab's: the loser's text was kept as this revision. */
export interface BodyConflict {
  revisionId: string;
  name: string;
}

interface ConflictDialogProps {
  conflict: BodyConflict;
  /** The stored text the editor now shows (the other window's). */
  storedText: string;
  /** Makes the kept revision current again ("Keep mine"). */
  onKeepMine: (revisionId: string) => Promise<void>;
  onClose: () => void;
}

/**
 * Says what happened and shows both texts: the analyst's, kept as a revision, against the one
 * saved elsewhere, which the editor now holds. One click takes either; nothing is lost by both.
 */
export function ConflictDialog({ conflict, storedText, onKeepMine, onClose }: ConflictDialogProps) {
  const kept = useContractQuery('briefings.revision', { id: conflict.revisionId }, { immutable: true });
  const revision = kept.data ?? null;
  const [keepError, setError] = useState<string | null>(null);
  const error = keepError ?? (kept.error ? errorMessage(kept.error) : null);

  const keepMine = (): void => {
    onKeepMine(conflict.revisionId).then(onClose, (failure: unknown) => setError(errorMessage(failure)));
  };

  return (
    <ModalDialog title="This briefing was changed elsewhere" onRequestClose={onClose} className="revision-viewer" role="alertdialog">
      <p>
        While you were typing, this briefing was saved in another tab or window, so your text was not saved over it. Nothing is lost: your
        text is kept as the revision “{conflict.name}”, and the editor now shows the version saved elsewhere.
      </p>
      <p className="muted">
        <del>Struck through</del>: only in your text; <ins>underlined</ins>: only in the version saved elsewhere.
      </p>
      {revision ? (
        <RevisionDiff revisionText={revision.bodyText} otherText={storedText} label="Your text against the version saved elsewhere" />
      ) : (
        !error && <p className="muted">Loading your text…</p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={keepMine}>
          Keep mine
        </button>
        <button type="button" onClick={onClose}>
          Keep theirs
        </button>
      </div>
    </ModalDialog>
  );
}
