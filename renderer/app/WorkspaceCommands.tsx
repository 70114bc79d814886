import { useEffect, useState } from 'react';
import type { RecentWorkspace } from '../../src/contract/operations';
import { ContractError } from '../../src/contract/client';
import { useCommandHandler } from '../commands/registry';
import { shortcutProps } from '../commands/shortcut-labels';
import { useToast } from '../shell/useToast';
import { CleanedCopyDialog, foreignSchemaOf } from './CleanedCopyDialog';
import { errorMessage } from './error-message';
import { useClient } from './useClient';

/**
 * New / Open / Open recent, for hosts with native dialogs (the desktop app, whose File menu
 * offers the same). The host reloads the window after a switch.
 */
export function WorkspaceCommands() {
  const client = useClient();
  const toast = useToast();
  const [recent, setRecent] = useState<RecentWorkspace[]>([]);
  const [refusal, setRefusal] = useState<ContractError | null>(null);

  useEffect(() => {
    client.call('workspace.recent', {}).then(
      (result) => setRecent(result.items),
      () => setRecent([]),
    );
  }, [client]);

  const run = (action: () => Promise<unknown>): void => {
    action().catch((error: unknown) => {
      if (error instanceof ContractError && foreignSchemaOf(error)) setRefusal(error);
      else toast({ message: errorMessage(error), tone: 'error' });
    });
  };

  const create = (): void => run(() => client.call('workspace.create', {}));
  const open = (): void => run(() => client.call('workspace.open', {}));
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
              run(() => client.call('workspace.openRecent', { index }));
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
