import { keepPreviousData, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';
import { useClient } from '../app/useClient';
import { queryOptionsFor } from './queries';

export interface ContractQueryOptions<T = unknown> {
  /** False while the read makes no sense yet (e.g. nothing selected). */
  readonly enabled?: boolean;
  /** Keep showing the last answer while the next one loads (lists that change as the user types or pages). */
  readonly keepPrevious?: boolean;
  /**
   * Never show a cached answer: the read is forgotten once nothing shows it, so the next view of it
   * waits for a fresh one (checks made just before an action, such as the export dialog's).
   */
  readonly freshOnly?: boolean;
  /** The answer never changes once given (an image, a stored revision): it is never asked again. */
  readonly immutable?: boolean;
  /**
   * Ask again every so many milliseconds while shown: for reads that others change through the
   * team server (a shared briefing's comments), which no command of this page makes stale.
   */
  readonly refreshEveryMs?: number;
  /** Ask again every so many milliseconds while shown, as the last answer decides (false: stop); for a status the host cannot push. */
  readonly pollMs?: (last: T | undefined) => number | false;
}

/** Reads one contract operation through the cache; re-asks when its input changes or a command makes it stale. */
export function useContractQuery<N extends OperationName>(
  name: N,
  input: InputOf<N>,
  options: ContractQueryOptions<OutputOf<N>> = {},
): UseQueryResult<OutputOf<N>, Error> {
  const client = useClient();
  return useQuery({
    ...queryOptionsFor(client, name, input),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.freshOnly ? { gcTime: 0 } : {}),
    ...(options.immutable ? { staleTime: Infinity } : {}),
    ...(options.refreshEveryMs ? { refetchInterval: options.refreshEveryMs } : {}),
    ...(options.pollMs
      ? { refetchInterval: (query: { state: { data: OutputOf<N> | undefined } }) => options.pollMs?.(query.state.data) ?? false }
      : {}),
  });
}

/** Reads one operation now, through the cache. */
export type ReadNow = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

/**
 * For reads an action needs at the moment it runs (open a revision, check where an item is used
 * before deleting it): answered from the cache when fresh, else asked and cached for the views.
 */
export function useReadNow(): ReadNow {
  const client = useClient();
  const queryClient = useQueryClient();
  return useCallback(
    <N extends OperationName>(name: N, input: InputOf<N>) => queryClient.fetchQuery(queryOptionsFor(client, name, input)),
    [client, queryClient],
  );
}
