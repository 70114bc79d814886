import { QueryObserver, type QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { ContractError, createClient, type Transport } from '../../src/contract/client';
import { afterCommand, sourceQuotesInput } from '../../renderer/data/cache-updates';
import { invalidateAfter } from '../../renderer/data/invalidation';
import { queryKeyFor, queryOptionsFor } from '../../renderer/data/queries';
import { createQueryClient } from '../../renderer/data/query-client';
import { contractPerTest, type ContractFixture } from './helpers/contract';

/** The renderer's client over the real dispatcher and a real workspace file; counts the calls it sends. */
function clientOver(contract: ContractFixture) {
  const sent: string[] = [];
  const transport: Transport = {
    call: (name, input, epoch) => {
      sent.push(name);
      return contract.dispatcher.call(name, input, epoch);
    },
    startJob: async (name, input, epoch) => contract.dispatcher.startJob(name, input, epoch),
    subscribe: () => () => undefined,
    fetchFile: () => Promise.reject(new Error('no files in this test')),
    uploadFile: () => Promise.reject(new Error('no uploads in this test')),
  };
  return { client: createClient(transport), sent };
}

/** Reads shown on screen (observed, so anything made stale is read again at once); returns a way to stop showing them. */
async function show(queryClient: QueryClient, reads: ReturnType<typeof queryOptionsFor>[]): Promise<() => void> {
  const observers = reads.map((options) => new QueryObserver(queryClient, options));
  const stops = observers.map((observer) => observer.subscribe(() => undefined));
  await expect.poll(() => observers.every((observer) => observer.getCurrentResult().isSuccess)).toBe(true);
  return () => stops.forEach((stop) => stop());
}

const SOURCE = { title: 'Defence minister’s speech', kind: 'speech' } as const;

describe('the renderer data layer over a real workspace', () => {
  const contract = contractPerTest();

  it('reads through typed options, answering a repeated read from the cache', async () => {
    const { client, sent } = clientOver(contract);
    const created = await client.call('sources.create', { draft: SOURCE });
    const queryClient = createQueryClient();
    const options = { ...queryOptionsFor(client, 'sources.get', { id: created.id }), staleTime: Infinity };
    expect(options.queryKey).toEqual(['sources.get', { id: created.id }]);
    const first = await queryClient.fetchQuery(options);
    const second = await queryClient.fetchQuery(options);
    expect(first.title).toBe('Defence minister’s speech');
    expect(second).toBe(first);
    expect(sent.filter((name) => name === 'sources.get')).toHaveLength(1);
  });

  it('re-reads a shown list once a command made it stale, with no reload by hand', async () => {
    const { client } = clientOver(contract);
    const source = await client.call('sources.create', { draft: SOURCE });
    const queryClient = createQueryClient();
    const shown = new QueryObserver(queryClient, queryOptionsFor(client, 'quotes.list', { sourceId: source.id }));
    const unsubscribe = shown.subscribe(() => undefined);
    try {
      await expect.poll(() => shown.getCurrentResult().data?.total).toBe(0);
      await client.call('quotes.create', { draft: { sourceId: source.id, text: 'We will not stand by.' } });
      await invalidateAfter(queryClient, 'quotes.create');
      expect(shown.getCurrentResult().data?.total).toBe(1);
    } finally {
      unsubscribe();
    }
  });

  it('hands the contract’s typed error to the caller and never retries a failed read', async () => {
    const { client, sent } = clientOver(contract);
    const queryClient = createQueryClient();
    const failure = await queryClient
      .fetchQuery(queryOptionsFor(client, 'sources.get', { id: 'missing-id' }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContractError);
    expect((failure as ContractError).payload.code).toBe('not_found');
    expect(queryClient.getQueryState(queryKeyFor('sources.get', { id: 'missing-id' }))?.status).toBe('error');
    expect(sent.filter((name) => name === 'sources.get')).toHaveLength(1);
  });

  it('saves a quote in one round trip: the open source’s quotes and count come from the answer, the snapshot text is not read again', async () => {
    const { client, sent } = clientOver(contract);
    const source = await client.call('sources.create', { draft: SOURCE });
    await client.call('quotes.create', { draft: { sourceId: source.id, text: 'First.' } });
    const queryClient = createQueryClient();
    const stop = await show(queryClient, [
      queryOptionsFor(client, 'sources.detail', { id: source.id }),
      queryOptionsFor(client, 'quotes.list', sourceQuotesInput(source.id)),
    ]);
    try {
      sent.length = 0;
      const input = { draft: { sourceId: source.id, text: 'Second.' } };
      await afterCommand(queryClient, 'quotes.create', input, await client.call('quotes.create', input));
      expect(sent).toEqual(['quotes.create']);
      const cached = queryClient.getQueryData(queryOptionsFor(client, 'quotes.list', sourceQuotesInput(source.id)).queryKey);
      expect(cached).toEqual(await client.call('quotes.list', sourceQuotesInput(source.id)));
      expect(queryClient.getQueryData(queryOptionsFor(client, 'sources.detail', { id: source.id }).queryKey)?.quoteCount).toBe(2);
    } finally {
      stop();
    }
  });

  it('links evidence in one round trip: the judgement, its briefing’s list and strands come from the answer', async () => {
    const { client, sent } = clientOver(contract);
    const briefing = await client.call('briefings.create', { title: 'Tokyo', typeId: 'briefing' });
    const judgement = await client.call('judgements.create', { briefingId: briefing.id, draft: { statement: 'Ties will deepen.' } });
    const source = await client.call('sources.create', { draft: SOURCE });
    const queryClient = createQueryClient();
    const stop = await show(queryClient, [
      queryOptionsFor(client, 'judgements.list', { briefingId: briefing.id }),
      queryOptionsFor(client, 'judgements.changes', { judgementId: judgement.id }),
    ]);
    try {
      sent.length = 0;
      const input = {
        judgementId: judgement.id,
        item: { kind: 'source' as const, id: source.id },
        link: { stance: 'supports' as const, note: '' },
      };
      await afterCommand(queryClient, 'judgements.link', input, await client.call('judgements.link', input));
      expect(sent).toEqual(['judgements.link']);
      const cached = queryClient.getQueryData(queryOptionsFor(client, 'judgements.list', { briefingId: briefing.id }).queryKey);
      expect(cached?.items[0]?.counts.supports.sources).toBe(1);
      expect(cached).toEqual(await client.call('judgements.list', { briefingId: briefing.id }));
    } finally {
      stop();
    }
  });
});
