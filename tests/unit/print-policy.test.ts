import { describe, expect, it } from 'vitest';
import {
  PRINT_PARTITION,
  hardenPrintSession,
  printRequestAllowed,
  printToPdfOptions,
  printWindowOptions,
} from '../../main/electron/print-policy';

describe('the desktop print window (issue 9 item 6: no network)', () => {
  it('is hidden, sandboxed, isolated, without preload, Node or JavaScript, in its own in-memory session', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    const web = options.webPreferences ?? {};
    expect(web.preload).toBeUndefined();
    expect(web.sandbox).toBe(true);
    expect(web.contextIsolation).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.javascript).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.partition).toBe(PRINT_PARTITION);
    expect(web.disableBlinkFeatures).toBe('Auxclick');
    expect(web.partition?.startsWith('persist:')).toBe(false);
  });

  it('lets the session load only the print file and inline data, refusing every network scheme', () => {
    let handler: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    let filter: { urls: string[] } | undefined;
    const granted: boolean[] = [];
    const fakeSession = {
      setPermissionRequestHandler: (fn: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) =>
        fn(null, 'media', (value) => granted.push(value)),
      setPermissionCheckHandler: (fn: () => boolean) => granted.push(fn()),
      webRequest: {
        onBeforeRequest: (given: { urls: string[] }, fn: typeof handler) => {
          filter = given;
          handler = fn;
        },
      },
    };
    const printFile = 'file:///tmp/warrant-print-x/print.html';
    hardenPrintSession(fakeSession as unknown as Parameters<typeof hardenPrintSession>[0], () => printFile);
    expect(granted).toEqual([false, false]);
    expect(filter?.urls).toEqual(['<all_urls>']);
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined;
      handler?.({ url }, (response) => (cancel = response.cancel));
      return cancel ?? false;
    };
    for (const url of [
      'https://example.org/font.woff2',
      'http://127.0.0.1:8080/x',
      'ws://evil.example/',
      'ftp://x/y',
      'file:///etc/passwd',
      'app://warrant/index.html',
      'blob:null/abc',
    ]) {
      expect(decide(url), url).toBe(true);
    }
    expect(decide(printFile)).toBe(false);
    expect(decide('data:font/woff2;base64,AAAA')).toBe(false);
    expect(printRequestAllowed(printFile, null)).toBe(false);
  });

  it('prints A4 or Letter from the print CSS, with outline and tags', () => {
    expect(printToPdfOptions('a4')).toMatchObject({
      pageSize: 'A4',
      preferCSSPageSize: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
      printBackground: true,
    });
    expect(printToPdfOptions('letter').pageSize).toBe('Letter');
  });
});
