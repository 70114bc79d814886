import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Provider, ProviderAwareness, UserState } from '@lexical/yjs';
import type * as Y from 'yjs';
import type { TeamRelayAddress } from '../../../../src/contract/operations/host';

/** The page's own address, as far as the relay's address depends on it (`window.location` fits). */
export interface PageLocation {
  protocol: string;
  host: string;
}

/** The host's relay for team documents: same origin as the page, so its Host/Origin checks pass. */
export function relayUrl(location: PageLocation): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/team-relay`;
}

/**
 * Where this page's editor connects and what it presents: the address host.info names (the desktop
 * app's loopback relay and its per-launch secret), or else the page's own host with its session token.
 */
export function relayAddress(named: TeamRelayAddress | null, location: PageLocation, sessionToken: string | null): TeamRelayAddress {
  return named ?? { url: relayUrl(location), token: sessionToken ?? '' };
}

type Listener = (value: never) => void;

/**
 * A Hocuspocus provider on the host's relay, in the shape Lexical's collaboration plugin drives.
 * The token is the page's own host token: the host checks it and talks to the team server with
 * its own credential, which the page never holds.
 */
export function relayProvider(
  document: string,
  doc: Y.Doc,
  token: string,
  url: string,
): { provider: Provider; hocuspocus: HocuspocusProvider } {
  const hocuspocus = new HocuspocusProvider({ url, name: document, document: doc, token });
  const awareness = hocuspocus.awareness;
  if (!awareness) throw new Error('The team relay’s provider has no awareness.');
  // Lexical listens for `sync` (Hocuspocus says `synced`, with an object) and `status`.
  const wrapped = new Map<Listener, (event: { state: boolean }) => void>();
  const lexicalAwareness: ProviderAwareness = {
    getLocalState: () => awareness.getLocalState() as UserState | null,
    getStates: () => awareness.getStates() as Map<number, UserState>,
    on: (type, listener) => awareness.on(type, listener),
    off: (type, listener) => awareness.off(type, listener),
    setLocalState: (state) => awareness.setLocalState(state),
    setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
  };
  const provider: Provider = {
    awareness: lexicalAwareness,
    connect: () => void hocuspocus.connect(),
    disconnect: () => hocuspocus.disconnect(),
    on: (type: string, listener: Listener) => {
      if (type === 'sync') {
        const forward = ({ state }: { state: boolean }): void => (listener as (synced: boolean) => void)(state);
        wrapped.set(listener, forward);
        hocuspocus.on('synced', forward);
      } else hocuspocus.on(type, listener);
    },
    off: (type: string, listener: Listener) => {
      if (type === 'sync') {
        const forward = wrapped.get(listener);
        if (forward) hocuspocus.off('synced', forward);
        wrapped.delete(listener);
      } else hocuspocus.off(type, listener);
    },
  };
  return { provider, hocuspocus };
}
