import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { TeamStatusAnswer } from '../../src/contract/operations/team';
import { invalidateTeamLibrary } from '../data/invalidation';
import { queryKeyFor } from '../data/queries';
import { useContractQuery } from '../data/useContractQuery';
import { useClient } from './useClient';

/** How often a joined workspace asks for its status while the host's event stream is down (it reconnects within seconds). */
export const TEAM_FALLBACK_POLL_MS = 10_000;

/**
 * The workspace's team status. The host pushes it on its event stream whenever it changes (the
 * hub's link, changes waiting, changes from the team written into the library), straight into
 * the cache; the page reads it once and asks again only while that stream is down. A grown
 * `libraryGeneration` means the library's reads are stale.
 */
export function useTeamStatus(): TeamStatusAnswer | null {
  const client = useClient();
  const queryClient = useQueryClient();
  const followEvents = useCallback((onChange: () => void) => client.onEventsOpen(onChange), [client]);
  const pushed = useSyncExternalStore(followEvents, () => client.eventsOpen);
  useEffect(
    () =>
      client.onHostEvent((event) => {
        if (event.type === 'team-status') queryClient.setQueryData(queryKeyFor('team.status', {}), event.status);
      }),
    [client, queryClient],
  );
  const status = useContractQuery('team.status', {}, { pollMs: (last) => (last?.joined && !pushed ? TEAM_FALLBACK_POLL_MS : false) });
  const data = status.data ?? null;
  const generation = useRef<number | null>(null);
  useEffect(() => {
    if (!data) return;
    if (generation.current !== null && generation.current !== data.libraryGeneration) void invalidateTeamLibrary(queryClient);
    generation.current = data.libraryGeneration;
  }, [data, queryClient]);
  return data;
}

/** The status in a few words, as the top bar's chip shows it: "Offline · 1 waiting". */
export function teamStatusText(status: TeamStatusAnswer): string {
  if (!status.joined) return 'Solo';
  const state = { connected: 'Connected', syncing: 'Syncing', offline: 'Offline' }[status.state];
  return status.waiting > 0 ? `${state} · ${status.waiting} waiting` : state;
}
