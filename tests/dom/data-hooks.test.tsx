import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, type Transport } from '../../src/contract/client';
import type { InputOf } from '../../src/contract/operations';
import { ClientProvider } from '../../renderer/app/ClientProvider';
import { useCommand, useContractMutation } from '../../renderer/data/mutations';
import { useContractQuery } from '../../renderer/data/useContractQuery';
import { SEARCH_DEBOUNCE_MS, useDebouncedSearch } from '../../renderer/data/useDebouncedSearch';
import { inProcessHostPerFile } from './support/hosts';

// The data hooks over the real dispatcher and a real workspace file in this process: fake timers
// drive the search debounce, which a socket could not answer while the clock stands still.
const host = inProcessHostPerFile();

/** A page of its own: a fresh cache over `transport` (the host's, unless a test slows some calls). */
function page(transport: Transport = host.transport) {
  const client = createClient(transport);
  return ({ children }: { children: ReactNode }) => <ClientProvider client={client}>{children}</ClientProvider>;
}

const source = (title: string) => ({ draft: { title, kind: 'news_report' as const } });

/** Calls of `name` the host received since `from` (an index into its log). */
const callsSince = (from: number, name: string) => host.calls.slice(from).filter((call) => call === name).length;

describe('contract reads and commands in components', () => {
  it('re-reads exactly the shown reads a command’s invalidation row names, and nothing else', async () => {
    const briefing = await host.value<{ id: string }>('briefings.create', { title: 'Seoul', typeId: 'briefing' });
    const { result } = renderHook(
      () => ({
        sources: useContractQuery('sources.list', { limit: 50, offset: 0 }),
        briefings: useContractQuery('briefings.list', {}),
        judgements: useContractQuery('judgements.list', { briefingId: briefing.id }),
        command: useCommand(),
      }),
      { wrapper: page() },
    );
    await waitFor(() => expect(result.current.sources.isSuccess && result.current.briefings.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.judgements.isSuccess).toBe(true));
    const before = result.current.sources.data?.total ?? 0;
    const mark = host.calls.length;

    await act(() => result.current.command('sources.create', source('Ministry statement')));
    // sources.create names the source reads: the shown list is read again, the briefings and
    // judgements (not in its row) are not.
    await waitFor(() => expect(result.current.sources.data?.total).toBe(before + 1));
    expect(callsSince(mark, 'sources.list')).toBe(1);
    expect(callsSince(mark, 'briefings.list')).toBe(0);
    expect(callsSince(mark, 'judgements.list')).toBe(0);

    const next = host.calls.length;
    await act(() => result.current.command('briefings.create', { title: 'Tokyo', typeId: 'briefing' }));
    await waitFor(() => expect(callsSince(next, 'briefings.list')).toBe(1));
    expect(callsSince(next, 'sources.list')).toBe(0);
  });

  it('brings a briefing’s judgements up to date from judgements.link’s answer, without reading them again', async () => {
    const briefing = await host.value<{ id: string }>('briefings.create', { title: 'Manila', typeId: 'briefing' });
    const judgement = await host.value<{ id: string }>('judgements.create', {
      briefingId: briefing.id,
      draft: { statement: 'Talks will resume.' },
    });
    const evidence = await host.value<{ id: string }>('sources.create', source('Press briefing transcript'));
    const { result } = renderHook(
      () => ({ list: useContractQuery('judgements.list', { briefingId: briefing.id }), link: useContractMutation('judgements.link') }),
      { wrapper: page() },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    expect(result.current.list.data?.items[0]?.counts.supports.sources).toBe(0);
    const mark = host.calls.length;

    const input: InputOf<'judgements.link'> = {
      judgementId: judgement.id,
      item: { kind: 'source', id: evidence.id },
      link: { stance: 'supports', note: '' },
    };
    await act(() => result.current.link.mutateAsync(input));
    await waitFor(() => expect(result.current.list.data?.items[0]?.counts.supports.sources).toBe(1));
    expect(host.calls.slice(mark)).toEqual(['judgements.link']);
    // What the answer put in the cache is what the host would have said.
    expect(result.current.list.data).toEqual(await host.value('judgements.list', { briefingId: briefing.id }));
  });

  it('hands a failed read’s contract error to the component once, never retried', async () => {
    const { result } = renderHook(() => useContractQuery('sources.get', { id: 'no-such-source' }), { wrapper: page() });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toMatch(/./);
    expect(host.count('sources.get')).toBe(1);
  });
});

describe('search as you type', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Lets promises settle and timers due within `ms` run, inside act() so React sees it. */
  const pass = (ms: number): Promise<void> =>
    act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });

  /** Moves the clock a few ms at a time until `check` holds: the answer's way back is a few timer turns long. */
  async function passUntil(check: () => boolean): Promise<void> {
    for (let turn = 0; turn < 50 && !check(); turn += 1) await pass(5);
    expect(check()).toBe(true);
  }

  it('sends one search for a burst of keystrokes, once typing pauses', async () => {
    await host.value('sources.create', source('Harbour inspection report'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { result, rerender } = renderHook(({ text }) => useDebouncedSearch(text, { limit: 20 }), {
      wrapper: page(),
      initialProps: { text: '' },
    });
    for (const text of ['h', 'ha', 'har', 'harb', 'harbour']) {
      rerender({ text });
      await pass(SEARCH_DEBOUNCE_MS / 3);
    }
    expect(host.count('search.query')).toBe(0);
    await pass(SEARCH_DEBOUNCE_MS);
    expect(host.count('search.query')).toBe(1);
    await passUntil(() => result.current.results !== null);
    expect(result.current.results?.sources.items.map((item) => item.title)).toEqual(['Harbour inspection report']);
    // Clearing the box shows nothing and asks nothing.
    rerender({ text: '  ' });
    await pass(SEARCH_DEBOUNCE_MS * 2);
    expect(result.current.results).toBeNull();
    expect(host.count('search.query')).toBe(1);
  });

  it('never lets the answer to older text replace the answer to newer text', async () => {
    await host.value('sources.create', source('Lighthouse survey'));
    await host.value('sources.create', source('Breakwater survey'));
    // The host answers the older search last: its call waits until the newer one has been answered.
    let releaseOlder: () => void = () => undefined;
    const olderHeld = new Promise<void>((resolve) => (releaseOlder = resolve));
    const slowForOlder: Transport = {
      ...host.transport,
      call: async (name, input, epoch) => {
        if (name === 'search.query' && (input as { text?: string }).text === 'lighthouse') await olderHeld;
        return host.transport.call(name, input, epoch);
      },
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { result, rerender } = renderHook(({ text }) => useDebouncedSearch(text, { limit: 20 }), {
      wrapper: page(slowForOlder),
      initialProps: { text: 'lighthouse' },
    });
    await pass(SEARCH_DEBOUNCE_MS);
    expect(host.count('search.query')).toBe(0);
    rerender({ text: 'breakwater' });
    await pass(SEARCH_DEBOUNCE_MS);
    const titles = () => result.current.results?.sources.items.map((item) => item.title);
    await passUntil(() => titles() !== undefined);
    expect(titles()).toEqual(['Breakwater survey']);
    // The older answer arrives last, and is kept only for its own text.
    releaseOlder();
    await passUntil(() => host.count('search.query') === 2);
    await pass(SEARCH_DEBOUNCE_MS);
    expect(titles()).toEqual(['Breakwater survey']);
  });
});
