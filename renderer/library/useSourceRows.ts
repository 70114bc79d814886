import { useQueries, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { WarrantClient } from '../../src/contract/client';
import type { Source, SourceFilter, SourceSortKey } from '../../src/domain/source';
import { errorMessage } from '../app/error-message';
import { FIRST_ORDER, PAGE_SIZE, sourcePageInput as pageInput } from '../app/first-reads';
import { useClient } from '../app/useClient';
import { queryOptionsFor } from '../data/queries';
import { JUST_ANSWERED_MS } from '../data/query-client';
import { useContractQuery } from '../data/useContractQuery';

export { FIRST_ORDER, PAGE_SIZE } from '../app/first-reads';

/**
 * Asks the reads the library's first paint makes (its first page of sources, unfiltered, and the
 * tags), for the page's start to send before the view mounts: the view then finds them in the
 * cache, answered or on their way, instead of asking only once it has rendered.
 */
export function prefetchLibrary(client: WarrantClient, queryClient: QueryClient): void {
  // Only these answers are used by a view mounting within JUST_ANSWERED_MS; every other read is
  // asked again on mount. A command that makes them stale still makes them stale.
  const sources = queryOptionsFor(client, 'sources.list', pageInput({}, FIRST_ORDER.sort, FIRST_ORDER.direction, 0));
  queryClient.setQueryDefaults(sources.queryKey, { staleTime: JUST_ANSWERED_MS });
  void queryClient.prefetchQuery({ ...sources, staleTime: JUST_ANSWERED_MS });
  const tags = queryOptionsFor(client, 'tags.list', {});
  queryClient.setQueryDefaults(tags.queryKey, { staleTime: JUST_ANSWERED_MS });
  void queryClient.prefetchQuery({ ...tags, staleTime: JUST_ANSWERED_MS });
}

export interface SourceRows {
  /** Matching sources in the store; null until the first page arrives. */
  total: number | null;
  /** The source at a list position, if its page has been fetched. */
  rowAt: (index: number) => Source | undefined;
  /** Fetches the pages covering positions [first, last] that are not loaded yet. */
  ensure: (first: number, last: number) => void;
  error: string | null;
}

/**
 * The library list as the store pages it: sorted and filtered there, fetched 100 rows at a
 * time as the virtual list scrolls, so the renderer never holds the whole table. Each page is a
 * cached read: a command that changes sources reads the shown pages again while the old rows stay
 * on screen (blanking them made the list flicker, and a click landing in that moment was lost).
 */
export function useSourceRows(filter: SourceFilter, sort: SourceSortKey, direction: 'asc' | 'desc'): SourceRows {
  const client = useClient();
  const key = JSON.stringify({ filter, sort, direction });
  const [wanted, setWanted] = useState<{ key: string; pages: readonly number[] }>({ key, pages: [] });
  const later = wanted.key === key ? wanted.pages : [];
  // The first page keeps the previous answer on screen while a new sort or filter loads.
  const first = useContractQuery('sources.list', pageInput(filter, sort, direction, 0), { keepPrevious: true });
  const rest = useQueries({
    queries: later.map((page) => queryOptionsFor(client, 'sources.list', pageInput(filter, sort, direction, page))),
  });

  const ensure = useCallback(
    (firstRow: number, lastRow: number) =>
      setWanted((current) => {
        const known = current.key === key ? current.pages : [];
        const missing: number[] = [];
        for (let page = Math.max(1, Math.floor(firstRow / PAGE_SIZE)); page <= Math.floor(lastRow / PAGE_SIZE); page += 1)
          if (!known.includes(page)) missing.push(page);
        return missing.length === 0 && current.key === key ? current : { key, pages: [...known, ...missing] };
      }),
    [key],
  );
  const rowAt = (index: number): Source | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const answer = page === 0 ? first.data : rest[later.indexOf(page)]?.data;
    return answer?.items[index % PAGE_SIZE];
  };
  const failure = first.error ?? rest.find((result) => result.error)?.error ?? null;
  return { total: first.data?.total ?? null, rowAt, ensure, error: failure ? errorMessage(failure) : null };
}
