import type { WarrantClient } from '../../src/contract/client';
import type { HostInfo } from '../../src/contract/operations';
import type { LastPlace } from '../../src/domain/place';
import { loadCaret, onCaretSaved, saveCaret } from './caret-store';
import { currentRoute, navigate, onRouteChange } from './router';
import { LIBRARY, parseRoute, routeHash, type Route } from './routes';

/**
 * A restart returns to where the analyst was. The place is kept in the workspace (see
 * db/repositories/last-place.ts for why not in the page's storage) and comes back with
 * `host.info`; the page opens there only when it started without an address of its own, so a
 * reload or a pasted link always wins.
 */

/** Written this long after the route or the caret last moved: a place, not a keystroke log. */
const REMEMBER_AFTER_MS = 300;

/** Whether the record a route opens is still there (a restart must not land on "not found"). */
async function stillThere(client: WarrantClient, route: Route): Promise<boolean> {
  try {
    if (route.view === 'briefing') await client.call('briefings.get', { id: route.briefingId });
    if (route.view === 'source') await client.call('sources.get', { id: route.sourceId });
    if (route.view === 'matrix') await client.call('ach.get', { id: route.matrixId });
    return true;
  } catch {
    return false;
  }
}

/** Goes to the remembered place (its caret put back for the editor to restore), or the library. */
export async function returnToLastPlace(client: WarrantClient, place: HostInfo['lastPlace']): Promise<void> {
  const route = place ? parseRoute(place.route) : LIBRARY;
  const target = route.view !== 'unknown' && (await stillThere(client, route)) ? route : LIBRARY;
  // The analyst went somewhere while this was checked: that wins.
  if (window.location.hash !== '') return;
  if (target.view === 'briefing' && place?.caret) saveCaret(target.briefingId, place.caret);
  navigate(target, { replace: true });
}

function placeOf(route: Route): LastPlace | null {
  if (route.view === 'unknown') return null;
  return { route: routeHash(route), caret: route.view === 'briefing' ? loadCaret(route.briefingId) : null };
}

/** Keeps the workspace's last place up to date from now on; returns a function that stops it. */
export function keepLastPlace(client: WarrantClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = '';
  const write = (): void => {
    const place = placeOf(currentRoute());
    const serialised = JSON.stringify(place);
    if (place === null || serialised === written) return;
    written = serialised;
    // A convenience: a failed write leaves the previous place, and the workspace's data untouched.
    client.call('workspace.rememberPlace', place).catch(() => (written = ''));
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(write, REMEMBER_AFTER_MS);
  };
  const stopRoute = onRouteChange(schedule);
  const stopCaret = onCaretSaved(schedule);
  schedule();
  return () => {
    clearTimeout(timer);
    stopRoute();
    stopCaret();
  };
}
