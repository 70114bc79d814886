import type { BriefingListQuery, BriefingSummary } from '../../src/domain/briefing';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';

/** The briefings list for a query, read again whenever a command changes briefings (renderer/data). */
export function useBriefingList(query: BriefingListQuery): { items: BriefingSummary[] | null; error: string | null } {
  // The previous list stays on screen while a new sort or filter loads.
  const { data, error } = useContractQuery('briefings.list', query, { keepPrevious: true });
  return { items: data?.items ?? null, error: error ? errorMessage(error) : null };
}
