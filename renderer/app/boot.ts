import type { WarrantClient } from '../../src/contract/client';
import type { HostInfo } from '../../src/contract/operations';
import { watchForNewAddress } from './new-address';

/** What the page learns before React's first render. */
export interface Boot {
  /** Asked at once, so the answer is on its way while the shell paints. */
  info: Promise<HostInfo>;
  /** The page opened with no address of its own (a fresh start, not a reload or a link): go to the last place. */
  returnToLastPlace: boolean;
}

/** Call after the transport took its token out of the address, before anything navigates. */
export function startBoot(client: WarrantClient): Boot {
  watchForNewAddress(client);
  return { info: client.call('host.info', {}), returnToLastPlace: window.location.hash === '' };
}
