import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '../../src/contract/operations';
import type { Quote } from '../../src/domain/quote';
import type { SnapshotText } from '../../src/domain/snapshot';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';

export interface SourceDetailState {
  detail: OutputOf<'sources.detail'> | null;
  quotes: Quote[];
  snapshot: SnapshotText | null;
  error: string | null;
  reload: () => void;
}

/** A source with its links, its quotes and its snapshot text, reloaded after each change. */
export function useSourceDetail(sourceId: string): SourceDetailState {
  const client = useClient();
  const [detail, setDetail] = useState<SourceDetailState['detail']>(null);
  const [quotes, setQuotes] = useState<Quote[]>([]);
  const [snapshot, setSnapshot] = useState<SnapshotText | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([client.call('sources.detail', { id: sourceId }), client.call('quotes.list', { sourceId, limit: 500, offset: 0 })])
      .then(async ([loaded, list]) => {
        const text = loaded.snapshot ? await client.call('snapshots.text', { sourceId }) : null;
        if (!current) return;
        setDetail(loaded);
        setQuotes(list.items);
        setSnapshot(text);
        setError(null);
      })
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [client, sourceId, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { detail, quotes, snapshot, error, reload };
}
