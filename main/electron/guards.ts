import { shell, type Session, type WebContents } from 'electron';
import { externalLinkDecision } from '../../src/security/url-policy';
import { APP_LOCATION } from './app-location';
import { guardContents } from './contents-guard';
import { blockedRequestLabel } from './request-log';

/** Hands http(s) and mailto links to the OS; everything else is dropped. */
export function openExternalIfAllowed(url: string): void {
  const decision = externalLinkDecision(url);
  if (decision.allow) void shell.openExternal(decision.url);
}

/** The hidden print window's contents, marked by the printer as soon as it makes the window. */
const printContents = new WeakSet<WebContents>();

export function markPrintContents(contents: WebContents): void {
  printContents.add(contents);
}

/**
 * Every web contents may show only the app (see guardContents); the print window's navigations
 * are all cancelled and never opened outside.
 */
export function hardenWebContents(contents: WebContents): void {
  guardContents(contents, () => (printContents.has(contents) ? 'print' : 'app'), APP_LOCATION, openExternalIfAllowed);
}

/**
 * No permission is ever granted, and no request leaves the machine from a page. `mayConnect` names
 * the one exception (the editor's socket to this launch's team relay on 127.0.0.1).
 */
export function hardenSession(session: Session, mayConnect: (url: string) => boolean = () => false): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'] },
    (details, callback) => {
      if (mayConnect(details.url)) {
        callback({});
        return;
      }
      // Logged so that a test (or a worried analyst) can see what was stopped; never the full URL's query.
      console.warn(`Warrant blocked a network request: ${blockedRequestLabel(details.url)}`);
      callback({ cancel: true });
    },
  );
}
