import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBoot } from '../../renderer/app/boot';
import { ClientProvider } from '../../renderer/app/ClientProvider';
import { FIRST_ORDER, firstReads, sourcePageInput } from '../../renderer/app/first-reads';
import { createQueryClient } from '../../renderer/data/query-client';
import { useSourceRows } from '../../renderer/library/useSourceRows';
import { dropEarlyReads, sendEarlyReads } from '../../renderer/transport/early-reads';
import { createHttpTransport } from '../../renderer/transport/http-transport';
import { createClient, type WarrantClient } from '../../src/contract/client';
import { BrowserHostFixture } from './support/hosts';

// renderer/early.ts sends the page's first reads before the main script runs; the HTTP transport
// takes those answers instead of asking again, each once, to a real browser host on 127.0.0.1.
const web = new BrowserHostFixture();
beforeAll(() => web.start());
afterAll(() => web.stop());

/** The calls this page sent to the host, by operation, as its own fetch saw them. */
const sent: string[] = [];
const pageFetch = window.fetch;
beforeEach(() => {
  sent.length = 0;
  window.fetch = (input, init) => {
    const path = String(input);
    if (path.startsWith('/api/call/')) sent.push(path.slice('/api/call/'.length));
    return pageFetch(input, init);
  };
});
afterEach(() => {
  window.fetch = pageFetch;
  dropEarlyReads();
  delete window.warrantBootAsked;
});

function renderList(client: WarrantClient, queryClient: ReturnType<typeof createQueryClient>) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ClientProvider client={client} queryClient={queryClient}>
      {children}
    </ClientProvider>
  );
  return renderHook(() => useSourceRows({}, FIRST_ORDER.sort, FIRST_ORDER.direction), { wrapper });
}

describe('the page’s early reads', () => {
  it('are taken by the start and the library’s list, which ask the host nothing more', async () => {
    await web.client.call('sources.create', { draft: { title: 'Ministry statement', kind: 'news_report' } });
    sent.length = 0;
    sendEarlyReads(web.host.token, firstReads(''));
    const client = createClient(createHttpTransport(web.host.token));
    const queryClient = createQueryClient();
    await startBoot(client, queryClient).info;
    const { result } = renderList(client, queryClient);
    await waitFor(() => expect(result.current.rowAt(0)?.title).toBe('Ministry statement'));
    expect(sent.sort()).toEqual(['host.info', 'sources.list', 'tags.list']);
    expect(window.warrantEarlyReads).toEqual([]);
  });

  it('answer one call each: the same read asked again, or after they were dropped, goes to the host', async () => {
    const firstPage = sourcePageInput({}, FIRST_ORDER.sort, FIRST_ORDER.direction, 0);
    sendEarlyReads(web.host.token, firstReads(''));
    const client = createClient(createHttpTransport(web.host.token));
    await client.call('sources.list', firstPage);
    await client.call('sources.list', firstPage);
    expect(sent.filter((name) => name === 'sources.list')).toHaveLength(2);

    sendEarlyReads(web.host.token, firstReads(''));
    dropEarlyReads();
    await client.call('tags.list', {});
    expect(sent.filter((name) => name === 'tags.list')).toHaveLength(3);
  });

  it('are not sent once the boot has asked for itself: an early script that runs after the main one stands down', async () => {
    const client = createClient(createHttpTransport(web.host.token));
    const queryClient = createQueryClient();
    await startBoot(client, queryClient).info;
    sendEarlyReads(web.host.token, firstReads(''));
    expect(window.warrantEarlyReads).toBeUndefined();
    const { result } = renderList(client, queryClient);
    await waitFor(() => expect(result.current.rowAt(0)).toBeDefined());
    // Each read once: the boot's own, none from the early script.
    expect(sent.filter((name) => name === 'host.info')).toHaveLength(1);
    expect(sent.filter((name) => name === 'sources.list')).toHaveLength(1);
  });

  it('ask only host.info when the address names another view', () => {
    expect(firstReads('#/trash').map((read) => read.name)).toEqual(['host.info']);
    expect(firstReads('#/library').map((read) => read.name)).toEqual(['host.info', 'sources.list', 'tags.list']);
  });
});
