import { shell, type Session, type WebContents } from 'electron';
import { externalLinkDecision, isAllowedNavigation } from '../../src/security/url-policy';
import { APP_LOCATION } from './app-location';
import { blockedRequestLabel } from './request-log';

/** Hands http(s) and mailto links to the OS; everything else is dropped. */
export function openExternalIfAllowed(url: string): void {
  const decision = externalLinkDecision(url);
  if (decision.allow) void shell.openExternal(decision.url);
}

/**
 * Every web contents may show only the app: navigations elsewhere are stopped (web links go to
 * the OS browser instead), new windows are refused, and <webview> cannot be attached.
 */
export function hardenWebContents(contents: WebContents): void {
  const stopForeign = (event: { preventDefault(): void }, url: string): void => {
    if (isAllowedNavigation(url, APP_LOCATION)) return;
    event.preventDefault();
    openExternalIfAllowed(url);
  };
  contents.on('will-navigate', stopForeign);
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, APP_LOCATION)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, APP_LOCATION)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
}

/** No permission is ever granted, and no request leaves the machine from a page. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'] }, (details, callback) => {
    // Logged so that a test (or a worried analyst) can see what was stopped; never the full URL's query.
    console.warn(`Warrant blocked a network request: ${blockedRequestLabel(details.url)}`);
    callback({ cancel: true });
  });
}

