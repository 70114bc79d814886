import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { startBoot } from '../../renderer/app/boot';
import { ClientProvider } from '../../renderer/app/ClientProvider';
import { createQueryClient } from '../../renderer/data/query-client';
import { FIRST_ORDER, useSourceRows } from '../../renderer/library/useSourceRows';
import { inProcessHostPerFile } from './support/hosts';

// The page's start asks the library's first reads alongside host.info when it will open on the
// library, so the list finds them in the cache instead of asking only after two renders.
const host = inProcessHostPerFile();

/** The list as LibraryView first reads it (its filter carries the unset dates). */
function renderList(queryClient: ReturnType<typeof createQueryClient>) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ClientProvider client={host.client} queryClient={queryClient}>
      {children}
    </ClientProvider>
  );
  return renderHook(() => useSourceRows({ publishedFrom: undefined, publishedTo: undefined }, FIRST_ORDER.sort, FIRST_ORDER.direction), {
    wrapper,
  });
}

describe('the page’s start', () => {
  beforeEach(async () => {
    window.history.replaceState(null, '', '/');
    await host.value('workspace.rememberPlace', { route: '#/library', caret: null });
    host.reset();
  });

  it('asks the library’s first reads as host.info answers a fresh start, and the list does not ask them again', async () => {
    await host.value('sources.create', { draft: { title: 'Ministry statement', kind: 'news_report' } });
    host.reset();
    const queryClient = createQueryClient();
    const boot = startBoot(host.client, queryClient);
    await boot.info;
    await waitFor(() => expect([host.count('sources.list'), host.count('tags.list')]).toEqual([1, 1]));

    const { result } = renderList(queryClient);
    await waitFor(() => expect(result.current.rowAt(0)?.title).toBe('Ministry statement'));
    expect([host.count('sources.list'), host.count('tags.list')]).toEqual([1, 1]);
  });

  it('asks nothing for the library when the last place is elsewhere', async () => {
    await host.value('workspace.rememberPlace', { route: '#/trash', caret: null });
    host.reset();
    const boot = startBoot(host.client, createQueryClient());
    await boot.info;
    // host.info's answer has been handled (the prefetch decision runs in the same turn).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.calls).toEqual(['host.info']);
  });

  it('opens on the library at once when the host’s page says the last place is the library, without waiting for host.info', async () => {
    const hint = document.createElement('meta');
    hint.name = 'warrant-opens';
    hint.content = 'library';
    document.head.append(hint);
    try {
      const boot = startBoot(host.client, createQueryClient());
      // Decided before any answer: the address names the library and its reads are asked with host.info.
      expect(boot.returnToLastPlace).toBe(false);
      expect(window.location.hash).toBe('#/library');
      expect([...host.calls].sort()).toEqual(['host.info', 'sources.list', 'tags.list']);
      await boot.info;
    } finally {
      hint.remove();
    }
  });
});
