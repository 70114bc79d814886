import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Source, SourceFilter, SourceSortKey } from '../../src/domain/source';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';

export const PAGE_SIZE = 100;

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
 * time as the virtual list scrolls, so the renderer never holds the whole table.
 */
export function useSourceRows(filter: SourceFilter, sort: SourceSortKey, direction: 'asc' | 'desc', version: number): SourceRows {
  const client = useClient();
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pages = useRef(new Map<number, Source[]>());
  /** The generation `pages` was fetched for: older pages stay on screen until new ones arrive. */
  const pagesGeneration = useRef(0);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  const key = JSON.stringify({ filter, sort, direction, version });

  const loadPage = useCallback(
    (page: number, current: number) => {
      if ((pagesGeneration.current === current && pages.current.has(page)) || loading.current.has(page)) return;
      const pending = loading.current;
      pending.add(page);
      client
        .call('sources.list', { filter, sort, direction, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
        .then((result) => {
          if (current !== generation.current) return;
          if (pagesGeneration.current !== current) {
            pages.current = new Map();
            pagesGeneration.current = current;
          }
          pages.current.set(page, result.items);
          setTotal(result.total);
          setError(null);
          redraw();
        })
        .catch((failure: unknown) => current === generation.current && setError(errorMessage(failure)))
        .finally(() => pending.delete(page));
    },
    // The key captures filter, sort and direction.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );

  // A refresh keeps the rows on screen until their replacements arrive: blanking them made the
  // list flicker, and a click landing in that moment (a second Delete, say) was lost.
  useEffect(() => {
    generation.current += 1;
    loading.current = new Set();
    loadPage(0, generation.current);
  }, [loadPage]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1) loadPage(page, generation.current);
    },
    [loadPage],
  );
  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);
  return { total, rowAt, ensure, error };
}
