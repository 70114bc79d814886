import type { DataTag } from '@tanstack/query-core';
import type { WarrantClient } from '../../src/contract/client';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';

/**
 * The cache key of one read: the operation's name first, so a command can make all of its reads
 * stale at once. Tagged with the output type, so `getQueryData(key)` and `setQueryData(key, …)` are typed.
 */
export type ContractQueryKey<N extends OperationName> = DataTag<readonly [N, InputOf<N>], OutputOf<N>, Error>;

export function queryKeyFor<N extends OperationName>(name: N, input: InputOf<N>): ContractQueryKey<N> {
  return [name, input] as const as ContractQueryKey<N>;
}

/** What the cache needs to read one operation: its key and how to ask the host. */
export interface ContractReadOptions<N extends OperationName> {
  readonly queryKey: ContractQueryKey<N>;
  readonly queryFn: () => Promise<OutputOf<N>>;
}

/**
 * Query options for one contract read, typed by the operation's input and output; they fit
 * `useQuery`, `fetchQuery` and `QueryObserver` alike. (Free of React, so node tests use them as is.)
 */
export function queryOptionsFor<N extends OperationName>(client: WarrantClient, name: N, input: InputOf<N>): ContractReadOptions<N> {
  return { queryKey: queryKeyFor(name, input), queryFn: () => client.call(name, input) };
}
