import { useEffect, useState } from 'react';
import type { HostInfo } from '../../src/contract/operations';
import { LibraryView } from '../library/LibraryView';
import { BACKUPS_HASH } from '../settings/backups-hash';
import { JobsPanel } from '../shell/JobsPanel';
import { JobsProvider } from '../shell/JobsProvider';
import { StatusBar } from '../shell/StatusBar';
import { ToastProvider } from '../shell/ToastProvider';
import { LoadBoundary } from '../shell/LoadBoundary';
import { errorMessage } from './error-message';
import { Header } from './Header';
import { BriefingsView, SettingsView, TagsView, TrashView } from './lazy-views';
import { ReadOnlyNotice, StaleBanner } from './WorkspaceBanners';
import { useClient } from './useClient';
import { VIEWS, type ViewId } from './views';


/** Where a back-link or an evidence item leads: a briefing (and judgement), or a source (and quote). */
interface Destination {
  briefing: { id: string; judgementId: string | null } | null;
  source: { sourceId: string; quoteId: string | null } | null;
}

interface CurrentViewProps {
  view: ViewId;
  destination: Destination;
  onOpenBriefing: (id: string, judgementId?: string | null) => void;
  onOpenItem: (sourceId: string, quoteId: string | null) => void;
}

function CurrentView({ view, destination, onOpenBriefing, onOpenItem }: CurrentViewProps) {
  switch (view) {
    case 'library':
      return <LibraryView key={destination.source ? `${destination.source.sourceId}:${destination.source.quoteId ?? ''}` : 'library'} onOpenBriefing={onOpenBriefing} initialOpen={destination.source} />;
    case 'briefings':
      return (
        <BriefingsView
          key={destination.briefing ? `${destination.briefing.id}:${destination.briefing.judgementId ?? ''}` : 'briefings'}
          initialOpenId={destination.briefing?.id ?? null}
          initialJudgementId={destination.briefing?.judgementId ?? null}
          onOpenItem={onOpenItem}
        />
      );
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
  const [destination, setDestination] = useState<Destination>({ briefing: null, source: null });
  const navigate = (next: ViewId): void => {
    setDestination({ briefing: null, source: null });
    setView(next);
  };
  const openBriefing = (id: string, judgementId: string | null = null): void => {
    setDestination({ briefing: { id, judgementId }, source: null });
    setView('briefings');
  };
  const openItem = (sourceId: string, quoteId: string | null): void => {
    setDestination({ briefing: null, source: { sourceId, quoteId } });
    setView('library');
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
        setDestination({ briefing: null, source: null });
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
        <StaleBanner />
        <div className="shell">
          <Header view={view} onNavigate={navigate} nativeDialogs={info.capabilities.nativeDialogs} />
          <main className="main">
            {info.workspace.readOnly && <ReadOnlyNotice />}
            <LoadBoundary key={view} what={VIEWS.find((item) => item.id === view)?.label ?? view}>
              <CurrentView view={view} destination={destination} onOpenBriefing={openBriefing} onOpenItem={openItem} />
            </LoadBoundary>
          </main>
          <JobsPanel />
          <StatusBar workspaceName={info.workspace.name} workspacePath={info.workspace.path} />
        </div>
      </JobsProvider>
    </ToastProvider>
  );
}
