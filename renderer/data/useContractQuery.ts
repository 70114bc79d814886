import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';
import { useClient } from '../app/useClient';
import { queryOptionsFor } from './queries';

export interface ContractQueryOptions {
  /** False while the read makes no sense yet (e.g. nothing selected). */
  readonly enabled?: boolean;
  /** Keep showing the last answer while the next one loads (lists that change as the user types or pages). */
  readonly keepPrevious?: boolean;
}

/** Reads one contract operation through the cache; re-asks when its input changes or a command makes it stale. */
export function useContractQuery<N extends OperationName>(
  name: N,
  input: InputOf<N>,
  options: ContractQueryOptions = {},
): UseQueryResult<OutputOf<N>, Error> {
  const client = useClient();
  return useQuery({
    ...queryOptionsFor(client, name, input),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}
