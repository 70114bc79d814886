import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as TokenModuleNamespace from '../../renderer/transport/token';

// The browser host's session token: held in memory from the moment the page takes it, written to
// the tab's sessionStorage only when the page goes away or once the start is over, and found again
// after a reload.
type TokenModule = typeof TokenModuleNamespace;

async function freshModule(): Promise<TokenModule> {
  vi.resetModules();
  return import('../../renderer/transport/token');
}

describe('the session token', () => {
  beforeEach(() => {
    sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is held at once but not written to the tab’s storage during the start', async () => {
    vi.useFakeTimers();
    const token = await freshModule();
    token.rememberToken('secret-1');
    expect(token.currentToken()).toBe('secret-1');
    expect(sessionStorage.getItem('warrant.token')).toBeNull();
    vi.advanceTimersByTime(2_000);
    expect(sessionStorage.getItem('warrant.token')).toBeNull();
  });

  it('is written once the start is over', async () => {
    vi.useFakeTimers();
    const token = await freshModule();
    token.rememberToken('secret-2');
    // The write waits for an idle moment after the start; its timeout bounds that wait.
    vi.advanceTimersByTime(6_500);
    expect(sessionStorage.getItem('warrant.token')).toBe('secret-2');
  });

  it('is written before the page goes away, so a reload finds it', async () => {
    const token = await freshModule();
    token.rememberToken('secret-3');
    window.dispatchEvent(new Event('pagehide'));
    expect(sessionStorage.getItem('warrant.token')).toBe('secret-3');

    const reloaded = await freshModule();
    expect(reloaded.currentToken()).toBe('secret-3');
  });

  it('writes the newest token when the host moved to a new address', async () => {
    const token = await freshModule();
    token.rememberToken('old');
    window.dispatchEvent(new Event('pagehide'));
    token.rememberToken('new');
    expect(token.currentToken()).toBe('new');
    window.dispatchEvent(new Event('pagehide'));
    expect(sessionStorage.getItem('warrant.token')).toBe('new');
  });

  it('writes a token taken after the start at the next quiet moment, without waiting for the page to go', async () => {
    vi.useFakeTimers();
    const token = await freshModule();
    token.rememberToken('first');
    vi.advanceTimersByTime(6_500);
    expect(sessionStorage.getItem('warrant.token')).toBe('first');
    token.rememberToken('after-restart');
    vi.advanceTimersByTime(3_500);
    expect(sessionStorage.getItem('warrant.token')).toBe('after-restart');
  });

  it('prefers a token in the address to the one held', async () => {
    const token = await freshModule();
    token.rememberToken('held');
    window.history.replaceState(null, '', '/#token=from-address');
    expect(token.currentToken()).toBe('from-address');
  });
});
