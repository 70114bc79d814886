import { QueryClient } from '@tanstack/query-core';

/**
 * How long the reads the page's start asks ahead of its first view stay fresh: that view, mounting
 * a moment later, uses them instead of asking again (see `useSourceRows.prefetchLibrary`).
 */
export const JUST_ANSWERED_MS = 1000;

/**
 * The renderer's one cache of contract reads. Nothing is retried: a write must never run twice,
 * and a read that failed shows its message (the host already said why). Reads stay fresh until
 * a command makes them stale (see `invalidation.ts`); a view that mounts again still asks anew,
 * since another window or host may have written in between.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}
