import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Revision, RevisionKind } from '../../src/domain/briefing';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { useContractQuery, useReadNow } from '../data/useContractQuery';
import { useCommandHandler } from '../commands/registry';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ModalDialog } from '../shell/ModalDialog';
import { RevisionDiff } from './RevisionDiff';
import { RevisionJudgements } from './RevisionJudgements';
import { When } from '../shell/When';

const KIND_LABELS: Readonly<Record<RevisionKind, string>> = {
  auto: 'Automatic',
  status: 'Status change',
  named: 'Named',
  restore: 'Restore',
};

interface RevisionsPanelProps {
  briefingId: string;
  /** The current text, for the diff (read when a revision is opened). */
  currentText: () => string;
  /** Saves pending edits, restores, and reopens the editor on the restored text. */
  onRestore: (revisionId: string) => Promise<void>;
  /** Another tab is editing the briefing: revisions can be read, not taken or restored here. */
  readOnly: boolean;
  /** Brings the panel into view (the inspector may be hidden or on another tab). */
  onReveal?: () => void;
}

/** Revisions of the briefing: name one now, view any read-only with a diff, restore one. */
export function RevisionsPanel({ briefingId, currentText, onRestore, readOnly, onReveal }: RevisionsPanelProps) {
  const nameField = useRef<HTMLInputElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  // From the palette: a revision is saved under a name, so the command starts at the name field.
  useCommandHandler(
    'briefing.saveRevision',
    () => {
      onReveal?.();
      setFocusRequest((count) => count + 1);
    },
    !readOnly,
  );
  // Focused once the render that shows this tab is committed: after the palette, closing in the
  // same render, has handed focus back to where it was opened (a timer raced that under load).
  useEffect(() => {
    if (focusRequest > 0) nameField.current?.focus();
  }, [focusRequest]);
  const read = useReadNow();
  const command = useCommand();
  const listed = useContractQuery('briefings.revisions', { briefingId });
  const items = listed.data?.items ?? [];
  const [name, setName] = useState('');
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? (listed.error ? errorMessage(listed.error) : null);
  const [viewing, setViewing] = useState<{ revision: Revision; current: string } | null>(null);
  const [confirming, setConfirming] = useState<Revision | null>(null);

  const snapshot = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '') return setError('Name the revision.');
    try {
      await command('briefings.snapshot', { briefingId, name });
      setName('');
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const open = async (id: string): Promise<void> => {
    try {
      setViewing({ revision: await read('briefings.revision', { id }), current: currentText() });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section className="side-panel" aria-label="Revisions">
      <h2>Revisions</h2>
      <form className="inline-form" onSubmit={(event) => void snapshot(event)}>
        <input
          ref={nameField}
          aria-label="Revision name"
          placeholder="Name this version"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={readOnly}>
          Save revision
        </button>
      </form>
      {error && <p className="field-error">{error}</p>}
      {items.length === 0 ? (
        <p className="muted">Revisions are kept automatically as you write, on every status change, and when you name one.</p>
      ) : (
        <ul className="revisions" aria-label="Revision list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="link-button" onClick={() => void open(item.id)}>
                {item.name || KIND_LABELS[item.kind]} · <When iso={item.createdAt} />
              </button>
              <span className="muted"> {item.wordCount.toLocaleString('en')} words</span>
            </li>
          ))}
        </ul>
      )}
      {viewing && (
        <ModalDialog
          title={`Revision: ${viewing.revision.name || KIND_LABELS[viewing.revision.kind]}`}
          onRequestClose={() => setViewing(null)}
          className="revision-viewer"
        >
          <p className="muted">
            <When iso={viewing.revision.createdAt} /> · read-only. <del>Struck through</del>: only in this revision; <ins>underlined</ins>:
            only in the current text.
          </p>
          <RevisionDiff revisionText={viewing.revision.bodyText} otherText={viewing.current} />
          <RevisionJudgements revisionId={viewing.revision.id} />
          <div className="dialog-actions">
            <button type="button" onClick={() => setViewing(null)}>
              Close
            </button>
            <button type="button" onClick={() => setConfirming(viewing.revision)} disabled={readOnly}>
              Restore this revision
            </button>
          </div>
        </ModalDialog>
      )}
      {confirming && (
        <ConfirmDialog
          title="Restore this revision?"
          message="The current text and key judgements are kept as a revision first, so you can come back to them."
          confirmLabel="Restore"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const id = confirming.id;
            setConfirming(null);
            setViewing(null);
            onRestore(id).catch((failure: unknown) => setError(errorMessage(failure)));
          }}
        />
      )}
    </section>
  );
}
