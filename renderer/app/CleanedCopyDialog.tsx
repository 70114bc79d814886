import { useState } from 'react';
import { ContractError } from '../../src/contract/client';
import { ModalDialog } from '../shell/ModalDialog';
import { useToast } from '../shell/useToast';
import { errorMessage } from './error-message';
import { useCommand } from '../data/mutations';

/** The foreign objects named by a refused open, or null when the error is another kind. */
export function foreignSchemaOf(error: unknown): readonly string[] | null {
  if (!(error instanceof ContractError) || error.payload.code !== 'workspace_unavailable') return null;
  return error.payload.details?.foreignSchema ?? null;
}

interface CleanedCopyDialogProps {
  /** The refusal: its message names the file and what is foreign in it. */
  refusal: ContractError;
  onClose: () => void;
}

/**
 * Shown when a workspace was refused for holding triggers, views or tables Warrant did not
 * create: the analyst may open a cleaned copy (written beside the file, which stays as it is).
 */
export function CleanedCopyDialog({ refusal, onClose }: CleanedCopyDialogProps) {
  const command = useCommand();
  const toast = useToast();
  const [opening, setOpening] = useState(false);
  const foreign = foreignSchemaOf(refusal) ?? [];

  const openCleaned = (): void => {
    setOpening(true);
    command('workspace.openCleanedCopy', {}).then(
      ({ switched, name }) => {
        toast({ message: `Opened the cleaned copy “${name}”.` });
        // The desktop host reloads the window itself; the browser host leaves that to the page.
        if (switched) window.location.reload();
      },
      (error: unknown) => {
        toast({ message: errorMessage(error), tone: 'error' });
        onClose();
      },
    );
  };

  return (
    <ModalDialog
      title="This workspace holds code Warrant did not put there"
      onRequestClose={onClose}
      role="alertdialog"
      className="confirm"
    >
      <p>{refusal.message}</p>
      <ul aria-label="Not created by Warrant">
        {foreign.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={openCleaned} disabled={opening}>
          {opening ? 'Writing the cleaned copy…' : 'Open a cleaned copy'}
        </button>
      </div>
    </ModalDialog>
  );
}
