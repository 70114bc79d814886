import type { ViewId } from './views';

/**
 * Where the workbench is, as the address's fragment says (`#/briefings/<id>`). Hash routes work
 * the same in the browser host and the desktop app's custom protocol, and never reach a server.
 */
export type Route =
  | { view: 'library' }
  | { view: 'source'; sourceId: string; quoteId: string | null }
  | { view: 'briefings' }
  | { view: 'briefing'; briefingId: string; judgementId: string | null }
  | { view: 'trash' }
  | { view: 'settings'; section: 'backups' | null }
  | { view: 'tags' }
  | { view: 'analysis' }
  | { view: 'matrix'; matrixId: string }
  | { view: 'indicators' }
  /** Joining a team, its status, sharing the library (issue 19). */
  | { view: 'team' }
  /** An address no view answers to: shown as "not found" with a way back. */
  | { view: 'unknown'; address: string };

export const LIBRARY: Route = { view: 'library' };
export const BRIEFINGS: Route = { view: 'briefings' };
export const ANALYSIS: Route = { view: 'analysis' };

/** The old address of Settings → Backups, which the desktop menu once set: old links still work. */
const LEGACY_BACKUPS = '#backups';

function segment(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** Reads a fragment such as `#/sources/abc/quotes/def`; an empty one is the library. */
export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#' || hash === '#/') return LIBRARY;
  if (hash === LEGACY_BACKUPS) return { view: 'settings', section: 'backups' };
  const unknown: Route = { view: 'unknown', address: hash };
  if (!hash.startsWith('#/')) return unknown;
  const parts = hash.slice(2).replace(/\/$/, '').split('/');
  const [head, id, sub, subId] = parts;
  const first = segment(id);
  const second = segment(subId);
  switch (head) {
    case 'library':
    case 'trash':
    case 'tags':
    case 'indicators':
    case 'team':
      return parts.length === 1 ? { view: head } : unknown;
    case 'analysis':
      if (parts.length === 1) return { view: 'analysis' };
      return first && parts.length === 2 ? { view: 'matrix', matrixId: first } : unknown;
    case 'settings':
      if (parts.length === 1) return { view: 'settings', section: null };
      return parts.length === 2 && id === 'backups' ? { view: 'settings', section: 'backups' } : unknown;
    case 'briefings':
      if (parts.length === 1) return { view: 'briefings' };
      if (first && parts.length === 2) return { view: 'briefing', briefingId: first, judgementId: null };
      if (first && second && parts.length === 4 && sub === 'judgements')
        return { view: 'briefing', briefingId: first, judgementId: second };
      return unknown;
    case 'sources':
      if (first && parts.length === 2) return { view: 'source', sourceId: first, quoteId: null };
      if (first && second && parts.length === 4 && sub === 'quotes') return { view: 'source', sourceId: first, quoteId: second };
      return unknown;
    default:
      return unknown;
  }
}

/** The fragment for a route; `parseRoute(routeHash(route))` gives the route back. */
export function routeHash(route: Route): string {
  const id = encodeURIComponent;
  switch (route.view) {
    case 'library':
    case 'briefings':
    case 'trash':
    case 'tags':
    case 'analysis':
    case 'indicators':
    case 'team':
      return `#/${route.view}`;
    case 'matrix':
      return `#/analysis/${id(route.matrixId)}`;
    case 'settings':
      return route.section ? `#/settings/${route.section}` : '#/settings';
    case 'briefing':
      return `#/briefings/${id(route.briefingId)}${route.judgementId ? `/judgements/${id(route.judgementId)}` : ''}`;
    case 'source':
      return `#/sources/${id(route.sourceId)}${route.quoteId ? `/quotes/${id(route.quoteId)}` : ''}`;
    case 'unknown':
      return route.address;
  }
}

/** Which entry of the main navigation a route belongs to (none for an unknown address). */
export function navViewOf(route: Route): ViewId | null {
  switch (route.view) {
    case 'source':
      return 'library';
    case 'briefing':
      return 'briefings';
    case 'matrix':
      return 'analysis';
    case 'unknown':
      return null;
    default:
      return route.view;
  }
}

/** The route that opens a main navigation entry at its start. */
export function viewRoute(view: ViewId): Route {
  return view === 'settings' ? { view, section: null } : { view };
}

export function sameRoute(a: Route, b: Route): boolean {
  return routeHash(a) === routeHash(b);
}
