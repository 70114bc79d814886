import { useQueryClient } from '@tanstack/react-query';
import { memo, useDeferredValue, useEffect, useState } from 'react';
import type { HostInfo } from '../../src/contract/operations';
import { CommandsHost } from '../commands/CommandsHost';
import { queryKeyFor } from '../data/queries';
import { LibraryView } from '../library';
import { JobsPanel } from '../shell/JobsPanel';
import { JobsProvider } from '../shell/JobsProvider';
import { StatusBar } from '../shell/StatusBar';
import { ToastProvider } from '../shell/ToastProvider';
import { LoadBoundary } from '../shell/LoadBoundary';
import type { Boot } from './boot';
import { errorMessage } from './error-message';
import { keepLastPlace, returnToLastPlace } from './last-place';
import { Header } from './Header';
import { AnalysisView, BriefingsView, IndicatorsView, SettingsView, TagsView, TeamView, TrashView } from './lazy-views';
import { HostLostBanner, ReadOnlyNotice, StaleBanner } from './WorkspaceBanners';
import { useClient } from './useClient';
import { NotFound } from './NotFound';
import { useRoute } from './router';
import { LIBRARY, navViewOf, type Route } from './routes';
import { VIEWS } from './views';

/**
 * Memoised on the route: the shell re-renders as the host's answer comes in (workspace name,
 * read-only state, the last place), and the view it shows must not render again for that.
 */
const CurrentView = memo(function CurrentView({ route }: { route: Route }) {
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
    case 'analysis':
      return <AnalysisView matrixId={null} />;
    case 'matrix':
      return <AnalysisView matrixId={route.matrixId} />;
    case 'indicators':
      return <IndicatorsView />;
    case 'team':
      return <TeamView />;
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
});

/**
 * The workbench shell: header, navigation, the current view, running jobs, status bar. It paints
 * before the host has said anything (the navigation and the keyboard work at once); the view
 * waits only when the page must first learn where the analyst last was.
 */
export function App({ boot }: { boot: Boot }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [info, setInfo] = useState<HostInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [placed, setPlaced] = useState(!boot.returnToLastPlace);
  const route = useRoute();
  const [bootRoute] = useState(route);

  useEffect(() => {
    let live = true;
    boot.info.then(
      async (value) => {
        if (!live) return;
        // The answer asked for before the first render is the data layer's too: no second request.
        queryClient.setQueryData(queryKeyFor('host.info', {}), value);
        setInfo(value);
        // A click on the navigation meanwhile is where the analyst wants to be.
        if (boot.returnToLastPlace && window.location.hash === '') await returnToLastPlace(client, value.lastPlace);
        if (live) setPlaced(true);
      },
      (error: unknown) => live && setFailure(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [boot, client, queryClient]);

  useEffect(() => {
    if (!placed || !info || info.workspace.readOnly) return;
    return keepLastPlace(client);
  }, [placed, info, client]);

  const showView = placed || route !== bootRoute;
  // The shell's first commit (navigation, header, status bar) does not wait for the view: the view
  // renders just after, in slices the browser can answer input between.
  const viewPainted = useDeferredValue(showView, false);

  if (failure) {
    return (
      <main className="fatal" role="alert">
        <h1>Warrant cannot reach its workspace</h1>
        <p>{failure}</p>
      </main>
    );
  }

  return (
    <ToastProvider>
      <JobsProvider>
        <StaleBanner />
        <HostLostBanner />
        <div className="shell">
          <Header view={showView ? navViewOf(route) : null} nativeDialogs={info?.capabilities.nativeDialogs ?? false} />
          <main className="main">
            {info?.workspace.readOnly && <ReadOnlyNotice />}
            {viewPainted ? (
              <LoadBoundary
                key={navViewOf(route) ?? 'none'}
                what={VIEWS.find((item) => item.id === navViewOf(route))?.label ?? 'this view'}
              >
                <CurrentView route={route} />
              </LoadBoundary>
            ) : (
              // While the view is only a moment away (its render is deferred, not waiting on the host) the main area stays empty.
              !showView && <p className="loading">Opening workspace…</p>
            )}
          </main>
          <JobsPanel />
          <StatusBar workspaceName={info?.workspace.name ?? ''} workspacePath={info?.workspace.path ?? ''} />
        </div>
        <CommandsHost readOnly={info?.workspace.readOnly ?? false} desktop={info?.capabilities.nativeDialogs ?? false} />
      </JobsProvider>
    </ToastProvider>
  );
}
