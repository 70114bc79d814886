import type { QueryClient } from '@tanstack/react-query';
import type { WarrantClient } from '../../src/contract/client';
import type { HostInfo } from '../../src/contract/operations';
import { prefetchLibrary } from '../library';
import { dropEarlyReads, noteBootAsking } from '../transport/early-reads';
import { watchForNewAddress } from './new-address';
import { OPENS_ON_LIBRARY_META } from '../../src/start/library-address';
import { navigate } from './router';
import { LIBRARY, parseRoute } from './routes';

/** What the page learns before React's first render. */
export interface Boot {
  /** Asked at once, so the answer is on its way while the shell paints. */
  info: Promise<HostInfo>;
  /** The page opened with no address of its own (a fresh start, not a reload or a link): go to the last place. */
  returnToLastPlace: boolean;
}

/**
 * Call after the transport took its token out of the address, before anything navigates. When
 * the page will open on the library (its address says so, or a fresh start's last place does),
 * the library's first reads are asked here too, so they do not wait for the shell's first render
 * and the view's own. A start elsewhere asks nothing extra.
 */
export function startBoot(client: WarrantClient, queryClient: QueryClient): Boot {
  noteBootAsking();
  watchForNewAddress(client);
  // A fresh start the host says opens on the library goes there now, not once `host.info` answers.
  if (window.location.hash === '' && hintsLibraryStart()) navigate(LIBRARY, { replace: true });
  const returnToLastPlace = window.location.hash === '';
  const info = client.call('host.info', {});
  // The library's reads renderer/early.ts may have sent are taken by prefetchLibrary, or else dropped.
  if (!returnToLastPlace) {
    if (parseRoute(window.location.hash).view === 'library') prefetchLibrary(client, queryClient);
    else dropEarlyReads();
  } else {
    info.then(
      (value) => {
        const opensLibrary = value.lastPlace === null || parseRoute(value.lastPlace.route).view === 'library';
        // Only while the page is still where it started: a click elsewhere meanwhile asks its own reads.
        if (opensLibrary && window.location.hash === '') prefetchLibrary(client, queryClient);
        else dropEarlyReads();
      },
      // The shell shows this failure from its own copy of the promise.
      dropEarlyReads,
    );
  }
  return { info, returnToLastPlace };
}

/** The browser host writes this into the page it serves when the workspace's last place is the library. */
function hintsLibraryStart(): boolean {
  const meta = document.querySelector(`meta[name="${OPENS_ON_LIBRARY_META.name}"]`);
  return meta?.getAttribute('content') === OPENS_ON_LIBRARY_META.content;
}
