import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { TeamStatusAnswer } from '../../src/contract/operations/team';
import { invalidateTeamLibrary } from '../data/invalidation';
import { useContractQuery } from '../data/useContractQuery';

/** How often a joined workspace asks its host how the team link is (the host has no way to push it). */
const TEAM_POLL_MS = 1500;

/**
 * The workspace's team status, polled while it belongs to a team. The host cannot push to the
 * page, so polling is how the page learns both the link's state and that changes from the team
 * were written into the library (`libraryGeneration` grew): the library's reads are then stale.
 */
export function useTeamStatus(): TeamStatusAnswer | null {
  const queryClient = useQueryClient();
  const status = useContractQuery('team.status', {}, { pollMs: (last) => (last?.joined ? TEAM_POLL_MS : false) });
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
