import type { OutputOf } from '../../src/contract/operations';
import type { Quote } from '../../src/domain/quote';
import type { SnapshotText } from '../../src/domain/snapshot';
import { errorMessage } from '../app/error-message';
import { sourceQuotesInput } from '../data/cache-updates';
import { useContractQuery } from '../data/useContractQuery';

export interface SourceDetailState {
  /** Null until the source, its quotes and (when it has one) its snapshot text have all arrived. */
  detail: OutputOf<'sources.detail'> | null;
  quotes: Quote[];
  snapshot: SnapshotText | null;
  error: string | null;
}

const NO_QUOTES: Quote[] = [];

/**
 * A source with its links, its quotes and the text of one capture (the current one unless named): three reads, each made stale only by
 * what changes it, so saving a quote never reads the snapshot text again.
 */
export function useSourceDetail(sourceId: string, snapshotId: string | null = null): SourceDetailState {
  const detail = useContractQuery('sources.detail', { id: sourceId });
  const quotes = useContractQuery('quotes.list', sourceQuotesInput(sourceId));
  const hasSnapshot = detail.data?.snapshot != null;
  const snapshot = useContractQuery('snapshots.text', snapshotId === null ? { sourceId } : { sourceId, snapshotId }, {
    enabled: hasSnapshot,
  });
  const failure = detail.error ?? quotes.error ?? (hasSnapshot ? snapshot.error : null);
  const ready = detail.data !== undefined && quotes.data !== undefined && (!hasSnapshot || snapshot.data !== undefined);
  return {
    detail: ready ? (detail.data ?? null) : null,
    quotes: quotes.data?.items ?? NO_QUOTES,
    snapshot: hasSnapshot ? (snapshot.data ?? null) : null,
    error: failure ? errorMessage(failure) : null,
  };
}
