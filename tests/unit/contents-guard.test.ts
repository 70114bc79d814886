import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guardContents, navigationDecision, type ContentsRole, type GuardedContents } from '../../main/electron/contents-guard';
import type { AppLocation } from '../../src/security/url-policy';

const APP: AppLocation = { protocol: 'app:', host: 'warrant' };

/** A web contents as far as the guard sees it: its events, and the window-open handler it sets. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function guarded(role: ContentsRole): { contents: FakeContents; opened: string[] } {
  const contents = new FakeContents();
  const opened: string[] = [];
  guardContents(
    contents as unknown as GuardedContents,
    () => role,
    APP,
    (url) => opened.push(url),
  );
  return { contents, opened };
}

/** Emits a navigation event and reports whether a listener cancelled it. */
function navigate(contents: FakeContents, event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
  let cancelled = false;
  const details = { url, preventDefault: () => (cancelled = true) };
  if (event === 'will-frame-navigate') contents.emit(event, details);
  else contents.emit(event, details, url);
  return cancelled;
}

describe('the app window’s navigation guard', () => {
  it('stays on the app, and hands web links to the OS browser after the URL rules', () => {
    const { contents, opened } = guarded('app');
    expect(navigate(contents, 'will-navigate', 'app://warrant/index.html')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'https://www.nato.int/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.openHandler?.({ url: 'mailto:a@example.org?attach=/etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.nato.int/', 'mailto:a@example.org']);
  });
});

describe('the hidden print window cancels navigations itself (issue 14 item 7)', () => {
  it('cancels every navigation, redirect and frame navigation, and opens nothing outside', () => {
    const { contents, opened } = guarded('print');
    for (const url of [
      'https://example.org/',
      'mailto:a@example.org',
      'app://warrant/index.html',
      'file:///tmp/other.html',
      'javascript:alert(1)',
    ]) {
      expect(navigate(contents, 'will-navigate', url), url).toBe(true);
      expect(navigate(contents, 'will-redirect', url), url).toBe(true);
      expect(navigate(contents, 'will-frame-navigate', url), url).toBe(true);
    }
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('decides by the role at the time of the event, so a window marked after creation is covered', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    let role: ContentsRole = 'app';
    guardContents(
      contents as unknown as GuardedContents,
      () => role,
      APP,
      (url) => opened.push(url),
    );
    role = 'print';
    expect(navigate(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('never hands a print-window link to the OS, whatever the URL', () => {
    expect(navigationDecision('https://example.org/', 'print', APP)).toEqual({ cancel: true, openExternally: null });
    expect(navigationDecision('https://example.org/', 'app', APP)).toEqual({ cancel: true, openExternally: 'https://example.org/' });
  });
});

describe('wiring (the Electron binary cannot run here, so the source is read)', () => {
  it('marks the print window as such right after making it, and every contents goes through the guard', () => {
    const printer = readFileSync(new URL('../../main/electron/electron-printer.ts', import.meta.url), 'utf8');
    expect(printer).toMatch(
      /this\.window = new BrowserWindow\(printWindowOptions\(\)\);\s*markPrintContents\(this\.window\.webContents\);/,
    );
    const guards = readFileSync(new URL('../../main/electron/guards.ts', import.meta.url), 'utf8');
    expect(guards).toContain(
      "guardContents(contents, () => (printContents.has(contents) ? 'print' : 'app'), APP_LOCATION, openExternalIfAllowed)",
    );
  });
});
