import { useState } from 'react';
import { ContractError } from '../../src/contract/client';
import { useCommandHandler } from '../commands/registry';
import { shortcutProps } from '../commands/shortcut-labels';
import { useToast } from '../shell/useToast';
import { CleanedCopyDialog, foreignSchemaOf } from './CleanedCopyDialog';
import { errorMessage } from './error-message';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';

/**
 * New / Open / Open recent, for hosts with native dialogs (the desktop app, whose File menu
 * offers the same). The host reloads the window after a switch.
 */
export function WorkspaceCommands() {
  const command = useCommand();
  const toast = useToast();
  const recent = useContractQuery('workspace.recent', {}).data?.items ?? [];
  const [refusal, setRefusal] = useState<ContractError | null>(null);

  const run = (action: () => Promise<unknown>): void => {
    action().catch((error: unknown) => {
      if (error instanceof ContractError && foreignSchemaOf(error)) setRefusal(error);
      else toast({ message: errorMessage(error), tone: 'error' });
    });
  };

  const create = (): void => run(() => command('workspace.create', {}));
  const open = (): void => run(() => command('workspace.open', {}));
  useCommandHandler('workspace.new', create);
  useCommandHandler('workspace.open', open);

  return (
    <>
      <button type="button" onClick={create} {...shortcutProps('workspace.new')}>
        New workspace…
      </button>
      <button type="button" onClick={open} {...shortcutProps('workspace.open')}>
        Open workspace…
      </button>
      {recent.length > 1 && (
        <label className="recent">
          <span className="visually-hidden">Open recent</span>
          <select
            aria-label="Open recent"
            value=""
            onChange={(event) => {
              const index = Number(event.target.value);
              run(() => command('workspace.openRecent', { index }));
            }}
          >
            <option value="">Open recent…</option>
            {recent.map((item, index) =>
              index === 0 ? null : (
                <option key={item.path} value={index} title={item.path}>
                  {item.name}
                </option>
              ),
            )}
          </select>
        </label>
      )}
      {refusal && <CleanedCopyDialog refusal={refusal} onClose={() => setRefusal(null)} />}
    </>
  );
}
