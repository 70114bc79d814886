import { useCallback, useEffect, useRef, useState } from 'react';
import { isRendererMenuCommand, type CommandId } from '../../src/commands/command-keys';
import { currentRoute, navigate } from '../app/router';
import { sameRoute, viewRoute, type Route } from '../app/routes';
import { CommandPalette } from './CommandPalette';
import type { CommandContext } from './context';
import { readFocusContext } from './focus-context';
import { useKeyboardCommands } from './keyboard';
import { runCommand, useCommandHandler } from './registry';
import { ShortcutsSheet } from './ShortcutsSheet';

interface CommandsHostProps {
  readOnly: boolean;
  /** The desktop app (native dialogs, workspace switching). */
  desktop: boolean;
}

/**
 * Mounted once by the app: the keyboard dispatcher, the desktop menu's commands, the palette,
 * the shortcuts sheet and the navigation commands, which need no view of their own.
 */
export function CommandsHost({ readOnly, desktop }: CommandsHostProps) {
  const [palette, setPalette] = useState<CommandContext | null>(null);
  const [sheet, setSheet] = useState(false);
  const flags = useRef({ readOnly, desktop });
  useEffect(() => {
    flags.current = { readOnly, desktop };
  }, [readOnly, desktop]);
  const contextNow = useCallback(
    (): CommandContext => ({ view: currentRoute().view, ...readFocusContext(document), ...flags.current }),
    [],
  );
  // The preload offers menu commands only where there is a menu: the desktop app.
  const menu = window.warrant?.onMenuCommand;

  useKeyboardCommands(contextNow, menu !== undefined);
  useEffect(
    () =>
      menu?.((id) => {
        if (isRendererMenuCommand(id)) runCommand(id, contextNow());
      }),
    [menu, contextNow],
  );

  useCommandHandler('palette.open', () => setPalette(contextNow()));
  useCommandHandler('shortcuts.show', () => setSheet(true));
  useCommandHandler('go.library', () => navigate(viewRoute('library')));
  useCommandHandler('go.briefings', () => navigate(viewRoute('briefings')));
  useCommandHandler('go.trash', () => navigate(viewRoute('trash')));
  useCommandHandler('go.settings', () => navigate(viewRoute('settings')));
  useCommandHandler('go.tags', () => navigate(viewRoute('tags')));
  useCommandHandler('go.analysis', () => navigate(viewRoute('analysis')));
  useCommandHandler('go.indicators', () => navigate(viewRoute('indicators')));
  useCommandHandler('go.team', () => navigate(viewRoute('team')));
  useCommandHandler('go.backups', () => {
    const backups: Route = { view: 'settings', section: 'backups' };
    // Already there (File → Restore from Backup… twice): the same address again brings the section back into view.
    navigate(backups, { replace: sameRoute(currentRoute(), backups) });
  });

  const runFromPalette = (id: CommandId, context: CommandContext): void => {
    setPalette(null);
    // Once the palette has closed and focus is back where it was (the editor, for its commands).
    window.requestAnimationFrame(() => runCommand(id, context));
  };

  return (
    <>
      {palette && <CommandPalette context={palette} onRun={(id) => runFromPalette(id, palette)} onClose={() => setPalette(null)} />}
      {sheet && <ShortcutsSheet onClose={() => setSheet(false)} />}
    </>
  );
}
