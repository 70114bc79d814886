import { CommandsHost } from '../commands/CommandsHost';
import { LibraryView } from '../library';
import { JobsPanel } from '../shell/JobsPanel';
import { JobsProvider } from '../shell/JobsProvider';
import { StatusBar } from '../shell/StatusBar';
import { ToastProvider } from '../shell/ToastProvider';
import { LoadBoundary } from '../shell/LoadBoundary';
import { errorMessage } from './error-message';
import { Header } from './Header';
import { BriefingsView, SettingsView, TagsView, TrashView } from './lazy-views';
import { ReadOnlyNotice, StaleBanner } from './WorkspaceBanners';
import { useContractQuery } from '../data/useContractQuery';
import { NotFound } from './NotFound';
import { useRoute } from './router';
import { LIBRARY, navViewOf, type Route } from './routes';
import { VIEWS } from './views';

function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'library':
      return <LibraryView open={null} />;
    case 'source':
      return <LibraryView open={{ sourceId: route.sourceId, quoteId: route.quoteId }} />;
    case 'briefings':
      return <BriefingsView openId={null} judgementId={null} />;
    case 'briefing':
      return <BriefingsView openId={route.briefingId} judgementId={route.judgementId} />;
    case 'trash':
      return <TrashView />;
    case 'settings':
      return <SettingsView />;
    case 'tags':
      return <TagsView />;
    case 'unknown':
      return (
        <NotFound
          title="Nothing at this address"
          message={`Warrant has no view at “${route.address}”.`}
          back={LIBRARY}
          backLabel="Go to the library"
        />
      );
  }
}

/** The workbench shell: header, navigation, the current view, running jobs, status bar. */
export function App() {
  // The first call of the page: the client learns the workspace epoch from its answer.
  const host = useContractQuery('host.info', {});
  const info = host.data ?? null;
  const failure = !info && host.error ? errorMessage(host.error) : null;
  const route = useRoute();

  if (failure) {
    return (
      <main className="fatal" role="alert">
        <h1>Warrant cannot reach its workspace</h1>
        <p>{failure}</p>
      </main>
    );
  }
  // The keyboard works from the first paint: Alt+2 pressed while the workspace is still opening counts.
  const commands = <CommandsHost readOnly={info?.workspace.readOnly ?? false} desktop={info?.capabilities.nativeDialogs ?? false} />;
  if (!info)
    return (
      <>
        <p className="loading">Opening workspace…</p>
        {commands}
      </>
    );

  return (
    <ToastProvider>
      <JobsProvider>
        <StaleBanner />
        <div className="shell">
          <Header view={navViewOf(route)} nativeDialogs={info.capabilities.nativeDialogs} />
          <main className="main">
            {info.workspace.readOnly && <ReadOnlyNotice />}
            <LoadBoundary key={navViewOf(route) ?? 'none'} what={VIEWS.find((item) => item.id === navViewOf(route))?.label ?? 'this view'}>
              <CurrentView route={route} />
            </LoadBoundary>
          </main>
          <JobsPanel />
          <StatusBar workspaceName={info.workspace.name} workspacePath={info.workspace.path} />
        </div>
        {commands}
      </JobsProvider>
    </ToastProvider>
  );
}
