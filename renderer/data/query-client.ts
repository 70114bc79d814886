import { QueryClient } from '@tanstack/query-core';

/** An answer this young is used as is by a view that mounts now (the page's start asks the first view's reads ahead of it). */
export const JUST_ANSWERED_MS = 1000;

/**
 * The renderer's one cache of contract reads. Nothing is retried: a write must never run twice,
 * and a read that failed shows its message (the host already said why). Reads stay fresh until
 * a command makes them stale (see `invalidation.ts`); a view that mounts again still asks anew,
 * since another window or host may have written in between, unless the answer came within the
 * last second and no command has made it stale since.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        staleTime: 0,
        refetchOnMount: (query) => query.state.isInvalidated || Date.now() - query.state.dataUpdatedAt >= JUST_ANSWERED_MS,
      },
      mutations: { retry: false },
    },
  });
}
