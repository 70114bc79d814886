import { useEffect, useState } from 'react';
import type { SearchWithBriefings } from '../../src/domain/briefing-search';
import type { SourceFilter } from '../../src/domain/source';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from './useContractQuery';

/** How long typing must pause before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 120;

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export interface SearchAsYouType {
  /** The latest answer for what was typed (null while the box is empty or nothing came back yet). */
  readonly results: SearchWithBriefings | null;
  readonly error: string | null;
  /** Whether `results` answer the text as it is now (not an earlier text, kept on screen while this one loads). */
  readonly current: boolean;
}

/**
 * Search as you type, the one way every search box asks: it waits for a pause in typing, asks
 * through the cache (a repeated query is answered at once), keeps the previous answer on screen
 * while the next one loads, and shows nothing for an empty box. Answers to older text never
 * replace newer ones: each text is its own cache entry.
 */
export function useDebouncedSearch(text: string, options: { filter?: SourceFilter; limit: number }): SearchAsYouType {
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const active = text.trim() !== '';
  const query = useContractQuery(
    'search.query',
    { text: settled, filter: options.filter ?? {}, limit: options.limit },
    { enabled: active && settled.trim() !== '', keepPrevious: true },
  );
  if (!active) return { results: null, error: null, current: false };
  return {
    results: query.data ?? null,
    error: query.error ? errorMessage(query.error) : null,
    current: settled === text && query.data !== undefined && !query.isPlaceholderData,
  };
}
