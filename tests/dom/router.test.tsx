import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import * as router from '../../renderer/app/router';
import { parseRoute } from '../../renderer/app/routes';

/**
 * The router keeps the current route in its module. A test starts on `hash` through the router's
 * own replace; a test may load another copy of the module (a query makes it a new module
 * for Vite) to see what a fresh page reads from its address.
 */
async function loadRouter(hash: string, fresh: false | string = false): Promise<typeof router> {
  if (!fresh) {
    router.navigate(parseRoute(hash), { replace: true });
    return router;
  }
  window.history.replaceState(null, '', hash);
  const path = `../../renderer/app/router.ts?${fresh}`;
  return (await import(/* @vite-ignore */ path)) as typeof router;
}

describe('hash router', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('opens on the route in the address, so a reload returns to the open briefing', async () => {
    const page = await loadRouter('#/briefings/b%201/judgements/j1', 'reloaded-page');
    const { result } = renderHook(() => page.useRoute());
    expect(result.current).toEqual({ view: 'briefing', briefingId: 'b 1', judgementId: 'j1' });
  });

  it('navigates with a new history entry and re-renders, but adds none for the route already shown', async () => {
    const page = await loadRouter('#/library');
    const { result } = renderHook(() => page.useRoute());
    const entries = window.history.length;
    act(() => page.openBriefing('b1'));
    expect(result.current).toEqual({ view: 'briefing', briefingId: 'b1', judgementId: null });
    expect(window.location.hash).toBe('#/briefings/b1');
    expect(window.history.length).toBe(entries + 1);
    act(() => page.openBriefing('b1'));
    expect(window.history.length).toBe(entries + 1);
    act(() => page.openSource('s/1', 'q1'));
    expect(window.location.hash).toBe('#/sources/s%2F1/quotes/q1');
    expect(result.current).toEqual({ view: 'source', sourceId: 's/1', quoteId: 'q1' });
  });

  it('writes the library’s address when it is chosen from an empty one, so a choice made during the start is kept', async () => {
    const page = await loadRouter('', 'fresh-start');
    const { result } = renderHook(() => page.useRoute());
    const shown = result.current;
    expect(shown).toEqual({ view: 'library' });
    act(() => page.navigate({ view: 'library' }));
    expect(window.location.hash).toBe('#/library');
    // A new route object: the app tells the analyst's choice from the route it started on.
    expect(result.current).not.toBe(shown);
    const entries = window.history.length;
    act(() => page.navigate({ view: 'library' }));
    expect(window.history.length).toBe(entries);
  });

  it('goes back to the view before on Back, and forward again', async () => {
    const page = await loadRouter('#/library');
    const { result } = renderHook(() => page.useRoute());
    act(() => page.navigate({ view: 'briefings' }));
    act(() => page.openBriefing('b1'));
    act(() => window.history.back());
    await waitFor(() => expect(result.current).toEqual({ view: 'briefings' }));
    act(() => window.history.back());
    await waitFor(() => expect(result.current).toEqual({ view: 'library' }));
    act(() => window.history.forward());
    await waitFor(() => expect(result.current).toEqual({ view: 'briefings' }));
  });

  it('replaces the current entry when asked, so Back skips the corrected address', async () => {
    const page = await loadRouter('#/library');
    const { result } = renderHook(() => page.useRoute());
    act(() => page.navigate({ view: 'trash' }));
    const entries = window.history.length;
    act(() => page.navigate({ view: 'tags' }, { replace: true }));
    expect(window.history.length).toBe(entries);
    expect(result.current).toEqual({ view: 'tags' });
    act(() => window.history.back());
    await waitFor(() => expect(result.current).toEqual({ view: 'library' }));
  });

  it('shows an address set from outside (the desktop menu) in its one canonical form', async () => {
    const page = await loadRouter('#/library');
    const { result } = renderHook(() => page.useRoute());
    act(() => {
      window.location.hash = '#backups';
    });
    await waitFor(() => expect(result.current).toEqual({ view: 'settings', section: 'backups' }));
    expect(window.location.hash).toBe('#/settings/backups');
    act(() => {
      window.location.hash = '#/briefings/b2/';
    });
    await waitFor(() => expect(result.current).toEqual({ view: 'briefing', briefingId: 'b2', judgementId: null }));
    expect(window.location.hash).toBe('#/briefings/b2');
  });

  it('keeps an unknown address as it is, for the not-found view to show', async () => {
    const page = await loadRouter('#/library');
    const { result } = renderHook(() => page.useRoute());
    act(() => {
      window.location.hash = '#/nowhere/';
    });
    await waitFor(() => expect(result.current).toEqual({ view: 'unknown', address: '#/nowhere/' }));
    expect(window.location.hash).toBe('#/nowhere/');
  });
});
