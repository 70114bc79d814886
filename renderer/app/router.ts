import { useSyncExternalStore } from 'react';
import { parseRoute, routeHash, sameRoute, type Route } from './routes';

/**
 * The current route lives in the address's fragment and nowhere else, so back/forward, reload
 * and a pasted link all mean the same thing. Read lazily: the browser host's token is taken out
 * of the fragment before the first render reads it.
 */
let current: Route | null = null;
const listeners = new Set<() => void>();

function read(): Route {
  current ??= parseRoute(window.location.hash);
  return current;
}

function emit(): void {
  for (const listener of listeners) listener();
}

/** Back/forward and addresses set from outside (a pasted link, an old `#backups` address). */
function onAddressChange(): void {
  const next = parseRoute(window.location.hash);
  // An alias or a trailing slash is shown as its one canonical address.
  if (next.view !== 'unknown' && routeHash(next) !== window.location.hash)
    window.history.replaceState(window.history.state, '', routeHash(next));
  // A new object even for the same address: setting `#backups` again reveals the section again.
  current = next;
  emit();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('hashchange', onAddressChange);
    window.addEventListener('popstate', onAddressChange);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('hashchange', onAddressChange);
      window.removeEventListener('popstate', onAddressChange);
    }
  };
}

/** Goes to a route: a new history entry, or (replace) a correction of the current one. */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  // An empty address (a fresh start) reads as the library without naming it; going there from it
  // writes the address, so a click made while the page still learns the last place is kept.
  if (!options.replace && sameRoute(route, read()) && window.location.hash !== '') return;
  const hash = routeHash(route);
  if (options.replace) window.history.replaceState(window.history.state, '', hash);
  else window.history.pushState(null, '', hash);
  current = route;
  emit();
}

/** The current route, read once (for code outside rendering, such as a key handler). */
export function currentRoute(): Route {
  return read();
}

/** Told after every change of route (navigation, back/forward, an address typed in). */
export function onRouteChange(listener: () => void): () => void {
  return subscribe(listener);
}

/** The current route; the component re-renders when it changes. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, read);
}

/** Opens a briefing, and selects one of its judgements when given (a back-link). */
export function openBriefing(briefingId: string, judgementId: string | null = null): void {
  navigate({ view: 'briefing', briefingId, judgementId });
}

/** Opens a source in the library, and shows one of its quotes when given. */
export function openSource(sourceId: string, quoteId: string | null = null): void {
  navigate({ view: 'source', sourceId, quoteId });
}
