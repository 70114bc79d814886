import { shortcutProps } from '../commands/shortcut-labels';
import type { BodySaveStatus } from '../editor';
import type { ValueStore } from '../shell/value-store';
import { SaveIndicator } from './SaveIndicator';

interface WorkspaceActionsProps {
  statusStore: ValueStore<BodySaveStatus>;
  /** The body parses: a briefing in its recovery view has no picture and no export. */
  readable: boolean;
  focusMode: boolean;
  inspectorShown: boolean;
  onArgument: () => void;
  onExport: () => void;
  onFocusMode: () => void;
  onInspector: () => void;
}

/** The open briefing's save state and actions, on its title line. */
export function WorkspaceActions({
  statusStore,
  readable,
  focusMode,
  inspectorShown,
  onArgument,
  onExport,
  onFocusMode,
  onInspector,
}: WorkspaceActionsProps) {
  return (
    <>
      <SaveIndicator store={statusStore} />
      {readable && (
        <button type="button" onClick={onArgument} {...shortcutProps('briefing.argument')}>
          Argument picture
        </button>
      )}
      <button
        type="button"
        onClick={onExport}
        disabled={!readable}
        {...shortcutProps('briefing.export', 'Export as PDF, Word, HTML or Markdown')}
      >
        Export…
      </button>
      <button type="button" aria-pressed={focusMode} onClick={onFocusMode} {...shortcutProps('briefing.focusMode')}>
        Focus mode
      </button>
      <button type="button" aria-expanded={inspectorShown} onClick={onInspector} {...shortcutProps('briefing.inspector')}>
        Inspector
      </button>
    </>
  );
}
