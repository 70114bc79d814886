import { useEffect } from 'react';
import { navigate } from './router';
import { viewRoute } from './routes';
import { VIEWS, type ViewId } from './views';
import { useSaveCopy } from './useSaveCopy';
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

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveCopy();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveCopy]);

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
                aria-keyshortcuts={item.shortcut}
                onClick={() => navigate(viewRoute(item.id))}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-actions">
        {nativeDialogs && <WorkspaceCommands />}
        <button type="button" onClick={() => void saveCopy()} aria-keyshortcuts="Control+Shift+S">
          Save a copy…
        </button>
      </div>
    </header>
  );
}
