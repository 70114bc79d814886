import { useEffect, useState } from 'react';
import type { BriefingListQuery, BriefingSummary } from '../../src/domain/briefing';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';

/** The briefings list for a query; `version` bumps reload it. */
export function useBriefingList(query: BriefingListQuery, version: number): { items: BriefingSummary[] | null; error: string | null } {
  const client = useClient();
  const [items, setItems] = useState<BriefingSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    let current = true;
    client.call('briefings.list', JSON.parse(key) as BriefingListQuery).then(
      (result) => {
        if (!current) return;
        setItems(result.items);
        setError(null);
      },
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [client, key, version]);
  return { items, error };
}
