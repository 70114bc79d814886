import { useCallback, useEffect, useState } from 'react';
import type { SourcePage, SourceSortKey } from '../../src/domain/source';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';

const PAGE_SIZE = 100;

export interface SourcePageState {
  page: SourcePage | null;
  error: string | null;
  sort: SourceSortKey;
  direction: 'asc' | 'desc';
  setSort: (sort: SourceSortKey, direction: 'asc' | 'desc') => void;
  showMore: () => void;
  reload: () => void;
}

/** The sources list as the store pages it: sorted there, fetched a page at a time. */
export function useSourcePage(): SourcePageState {
  const client = useClient();
  const [sort, setSortKey] = useState<SourceSortKey>('updated');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [page, setPage] = useState<SourcePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    client
      .call('sources.list', { sort, direction, limit, offset: 0 })
      .then((result) => {
        if (!current) return;
        setPage(result);
        setError(null);
      })
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [client, sort, direction, limit, version]);

  const setSort = useCallback((nextSort: SourceSortKey, nextDirection: 'asc' | 'desc') => {
    setSortKey(nextSort);
    setDirection(nextDirection);
  }, []);
  const showMore = useCallback(() => setLimit((value) => Math.min(value + PAGE_SIZE, 500)), []);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { page, error, sort, direction, setSort, showMore, reload };
}
