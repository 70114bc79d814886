import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';
import { useClient } from '../app/useClient';
import { invalidateAfter } from './invalidation';

/**
 * A contract command, typed by its input and output. On success the reads it changed are made
 * stale (the invalidation table), so no component reloads by hand. Errors reach the caller as the
 * client's `ContractError` (conflicts and `workspace_stale` included), unchanged.
 */
export function useContractMutation<N extends OperationName>(name: N): UseMutationResult<OutputOf<N>, Error, InputOf<N>> {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<OutputOf<N>, Error, InputOf<N>>({
    mutationKey: [name],
    mutationFn: (input) => client.call(name, input),
    onSuccess: () => invalidateAfter(queryClient, name),
  });
}
