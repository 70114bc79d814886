import { act, renderHook, waitFor } from '@testing-library/react';
import { createRef, type RefObject } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBriefingLock } from '../../renderer/briefings/useBriefingLock';
import { StandInLockManager } from './support/lock-manager';

// The hand-over messages go over the runtime's real BroadcastChannel; the locks are a stand-in
// (support/lock-manager.ts says why). Each renderHook is one tab of the same browser.
let locks: StandInLockManager;
let uninstall: () => void;

beforeEach(() => {
  locks = new StandInLockManager();
  uninstall = locks.install();
});
afterEach(() => {
  uninstall();
});

/** A tab with the briefing open; `saves` counts its save-everything calls, which wait for `finishSave`. */
function openTab(briefingId: string) {
  const saveAllRef: RefObject<(() => Promise<void>) | null> = createRef();
  const tab = { saves: 0, finishSave: (): void => undefined, failSave: (): void => undefined };
  saveAllRef.current = () => {
    tab.saves += 1;
    return new Promise<void>((resolve, reject) => {
      tab.finishSave = resolve;
      tab.failSave = () => reject(new Error('The disk is full.'));
    });
  };
  const hook = renderHook(() => useBriefingLock(briefingId, saveAllRef));
  return Object.assign(tab, { mode: () => hook.result.current.mode, editHere: () => hook.result.current.editHere(), close: hook.unmount });
}

describe('one editor per briefing across tabs', () => {
  it('lets the first tab edit and opens the same briefing read-only in a second', async () => {
    const first = openTab('b1');
    await waitFor(() => expect(first.mode()).toBe('editing'));
    const second = openTab('b1');
    await waitFor(() => expect(second.mode()).toBe('read-only'));
    const other = openTab('b2');
    await waitFor(() => expect(other.mode()).toBe('editing'));
  });

  it('hands over on "Edit here instead" only after the holder has saved', async () => {
    const first = openTab('b1');
    await waitFor(() => expect(first.mode()).toBe('editing'));
    const second = openTab('b1');
    await waitFor(() => expect(second.mode()).toBe('read-only'));
    act(() => second.editHere());
    expect(second.mode()).toBe('waiting');
    await waitFor(() => expect(first.saves).toBe(1));
    // Saving: the first tab still holds the briefing, the second still waits.
    expect(first.mode()).toBe('editing');
    expect(second.mode()).toBe('waiting');
    act(() => first.finishSave());
    await waitFor(() => expect(second.mode()).toBe('editing'));
    expect(first.mode()).toBe('read-only');
  });

  it('hands over after a failed save too, so a broken tab cannot hold the briefing forever', async () => {
    const first = openTab('b1');
    await waitFor(() => expect(first.mode()).toBe('editing'));
    const second = openTab('b1');
    await waitFor(() => expect(second.mode()).toBe('read-only'));
    act(() => second.editHere());
    await waitFor(() => expect(first.saves).toBe(1));
    act(() => first.failSave());
    await waitFor(() => expect(second.mode()).toBe('editing'));
    expect(first.mode()).toBe('read-only');
  });

  it('lets go when the holding tab closes the briefing', async () => {
    const first = openTab('b1');
    await waitFor(() => expect(first.mode()).toBe('editing'));
    const name = 'warrant-briefing-editor:b1';
    expect(locks.isHeld(name)).toBe(true);
    first.close();
    await waitFor(() => expect(locks.isHeld(name)).toBe(false));
    const next = openTab('b1');
    await waitFor(() => expect(next.mode()).toBe('editing'));
  });

  it('edits at once where the browser has no Web Locks', () => {
    uninstall();
    const tab = openTab('b1');
    expect(tab.mode()).toBe('editing');
  });
});
