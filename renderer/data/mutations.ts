import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';
import { useClient } from '../app/useClient';
import { afterCommand } from './cache-updates';

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
    onSuccess: (output, input) => afterCommand(queryClient, name, input, output),
  });
}

/** Runs a contract command. */
export type RunCommand = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

/**
 * For components that send several commands (a toolbar, a panel): the same typed call and the
 * same invalidation as `useContractMutation`, as one function, so each call site stays a plain
 * `await command('tags.merge', {...})` inside its own error and conflict handling.
 */
export function useCommand(): RunCommand {
  const client = useClient();
  const queryClient = useQueryClient();
  return useCallback(
    async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
      const output = await client.call(name, input);
      // The answer's own changes land in the cache at once; the stale reads load in the background,
      // so a chain of saves (the title block's) never waits for them.
      void afterCommand(queryClient, name, input, output);
      return output;
    },
    [client, queryClient],
  );
}
