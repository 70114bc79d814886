import type { BrowserWindowConstructorOptions, PrintToPDFOptions, Session } from 'electron';
import type { PaperSize } from '../../src/export/model';

/** An in-memory partition (no "persist:"): the print window shares nothing with the app's session. */
export const PRINT_PARTITION = 'warrant-print';

/**
 * The hidden print window: sandboxed, isolated, no preload, no Node, no JavaScript at all (the
 * print HTML has none), its own session. It exists only to turn print HTML into a PDF.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      partition: PRINT_PARTITION,
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** printToPDF's options: the page size comes from the print CSS; outline and tags where Chromium makes them. */
export function printToPdfOptions(paper: PaperSize): PrintToPDFOptions {
  return {
    pageSize: paper === 'a4' ? 'A4' : 'Letter',
    printBackground: true,
    preferCSSPageSize: true,
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  };
}

/**
 * Whether the print window may load `url`: only the one print file it was given (and inline
 * data: fonts and images). Everything else, every scheme, is refused: no network.
 */
export function printRequestAllowed(url: string, printFileUrl: string | null): boolean {
  if (url.startsWith('data:')) return true;
  return printFileUrl !== null && url === printFileUrl;
}

/** Locks the print session down: no permissions, no requests except the print file. */
export function hardenPrintSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>,
  printFileUrl: () => string | null,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) =>
    callback({ cancel: !printRequestAllowed(details.url, printFileUrl()) }),
  );
}
