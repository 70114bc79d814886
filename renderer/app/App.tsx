import { useEffect, useState } from 'react';
import type { HostInfo } from '../../src/contract/operations';
import { BriefingsView } from '../briefings/BriefingsView';
import { LibraryView } from '../library/LibraryView';
import { BACKUPS_HASH } from '../settings/BackupsSection';
import { SettingsView } from '../settings/SettingsView';
import { JobsPanel } from '../shell/JobsPanel';
import { JobsProvider } from '../shell/JobsProvider';
import { StatusBar } from '../shell/StatusBar';
import { ToastProvider } from '../shell/ToastProvider';
import { TagsView } from '../tags/TagsView';
import { TrashView } from '../trash/TrashView';
import { errorMessage } from './error-message';
import { Header } from './Header';
import { useClient } from './useClient';
import { VIEWS, type ViewId } from './views';


function CurrentView({ view, briefingToOpen, onOpenBriefing }: { view: ViewId; briefingToOpen: string | null; onOpenBriefing: (id: string) => void }) {
  switch (view) {
    case 'library':
      return <LibraryView onOpenBriefing={onOpenBriefing} />;
    case 'briefings':
      return <BriefingsView initialOpenId={briefingToOpen} />;
    case 'trash':
      return <TrashView />;
    case 'settings':
      return <SettingsView />;
    case 'tags':
      return <TagsView />;
  }
}

/** The workbench shell: header, navigation, the current view, running jobs, status bar. */
export function App() {
  const client = useClient();
  const [info, setInfo] = useState<HostInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [view, setView] = useState<ViewId>(() => (window.location.hash === BACKUPS_HASH ? 'settings' : 'library'));
  const [briefingToOpen, setBriefingToOpen] = useState<string | null>(null);
  const navigate = (next: ViewId): void => {
    setBriefingToOpen(null);
    setView(next);
  };
  const openBriefing = (id: string): void => {
    setBriefingToOpen(id);
    setView('briefings');
  };

  useEffect(() => {
    client.call('host.info', {}).then(setInfo, (error: unknown) => setFailure(errorMessage(error)));
  }, [client]);

  // File → Restore from Backup… (and any link) opens the Backups section of Settings by address.
  useEffect(() => {
    const onHash = (): void => {
      if (window.location.hash === BACKUPS_HASH) setView('settings');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const target = VIEWS[index];
      if (target) {
        event.preventDefault();
        setBriefingToOpen(null);
        setView(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (failure) {
    return (
      <main className="fatal" role="alert">
        <h1>Warrant cannot reach its workspace</h1>
        <p>{failure}</p>
      </main>
    );
  }
  if (!info) return <p className="loading">Opening workspace…</p>;

  return (
    <ToastProvider>
      <JobsProvider>
        <div className="shell">
          <Header view={view} onNavigate={navigate} nativeDialogs={info.capabilities.nativeDialogs} />
          <main className="main">
            <CurrentView view={view} briefingToOpen={briefingToOpen} onOpenBriefing={openBriefing} />
          </main>
          <JobsPanel />
          <StatusBar workspaceName={info.workspace.name} workspacePath={info.workspace.path} />
        </div>
      </JobsProvider>
    </ToastProvider>
  );
}
