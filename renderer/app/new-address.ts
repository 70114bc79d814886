import type { WarrantClient } from '../../src/contract/client';
import { rememberToken, tokenInFragment } from '../transport/select-transport';
import { currentRoute } from './router';
import { routeHash } from './routes';

/**
 * A restarted `warrant web` prints a new address. Opened in this tab on the same port, only the
 * fragment (the token) differs, so the page is not reloaded: it takes the token, puts back the
 * route the analyst was on (the router must never see `#token=…` as an address, or the open
 * editor would close) and carries on with the new host once it proves to serve this workspace.
 * Listens before the router does (installed at boot, before the first render subscribes it).
 */
export function watchForNewAddress(client: WarrantClient): () => void {
  const take = (): void => {
    const token = tokenInFragment(window.location.hash);
    if (!token) return;
    window.history.replaceState(window.history.state, '', routeHash(currentRoute()));
    void client.reconnect(token).then((same) => {
      if (same) rememberToken(token);
    });
  };
  // A typed address fires popstate before hashchange; either may be the first to see it.
  window.addEventListener('popstate', take);
  window.addEventListener('hashchange', take);
  return () => {
    window.removeEventListener('popstate', take);
    window.removeEventListener('hashchange', take);
  };
}
