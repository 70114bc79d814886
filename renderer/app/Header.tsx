import { shortcutProps } from '../commands/shortcut-labels';
import { useCommandHandler } from '../commands/registry';
import { navigate } from './router';
import { viewRoute } from './routes';
import { VIEWS, type ViewId } from './views';
import { useSaveCopy } from './useSaveCopy';
import { TeamStatusChip } from './TeamStatusChip';
import { WorkspaceCommands } from './WorkspaceCommands';

/** App title, main navigation and the workspace commands (the desktop menu mirrors these). */
interface HeaderProps {
  /** The navigation entry the current route belongs to (none for an unknown address). */
  view: ViewId | null;
  /** The host can show native dialogs, so workspace switching is offered. */
  nativeDialogs: boolean;
}

export function Header({ view, nativeDialogs }: HeaderProps) {
  const saveCopy = useSaveCopy();

  useCommandHandler('workspace.saveCopy', () => void saveCopy());

  return (
    <header className="app-header">
      <span className="brand">Warrant</span>
      <nav aria-label="Main">
        <ul>
          {VIEWS.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                aria-current={view === item.id ? 'page' : undefined}
                {...shortcutProps(item.command, item.label)}
                onClick={() => navigate(viewRoute(item.id))}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-actions">
        <TeamStatusChip />
        {nativeDialogs && <WorkspaceCommands />}
        <button type="button" onClick={() => void saveCopy()} {...shortcutProps('workspace.saveCopy')}>
          Save a copy…
        </button>
      </div>
    </header>
  );
}
