import { useEffect, useState } from 'react';
import type { SearchWithBriefings as SearchResults } from '../../src/domain/briefing-search';
import type { SourceFilter } from '../../src/domain/source';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';

const DEBOUNCE_MS = 120;

/** Results as you type: each keystroke waits a moment, and stale answers are dropped. */
export function useSearch(text: string, filter: SourceFilter, version: number): { results: SearchResults | null; error: string | null } {
  const client = useClient();
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (text.trim() === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      client
        .call('search.query', { text, filter: JSON.parse(key) as SourceFilter, limit: 20 })
        .then((found) => {
          if (!current) return;
          setResults(found);
          setError(null);
        })
        .catch((failure: unknown) => current && setError(errorMessage(failure)));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [client, text, key, version]);
  const active = text.trim() !== '';
  return { results: active ? results : null, error: active ? error : null };
}
