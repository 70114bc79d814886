import type { WebContents } from 'electron';
import { externalLinkDecision, isAllowedNavigation, type AppLocation } from '../../src/security/url-policy';

/**
 * Which window a web contents serves. The app window may hand web links to the OS browser; the
 * hidden print window never may: a link or refresh in print HTML is not the analyst asking to
 * open it, so its navigations are cancelled and nothing is opened.
 */
export type ContentsRole = 'app' | 'print';

/** What a navigation does: `cancel` it, and maybe hand `openExternally` to the OS. */
export interface NavigationDecision {
  readonly cancel: boolean;
  readonly openExternally: string | null;
}

export function navigationDecision(url: string, role: ContentsRole, app: AppLocation): NavigationDecision {
  if (role === 'print') return { cancel: true, openExternally: null };
  if (isAllowedNavigation(url, app)) return { cancel: false, openExternally: null };
  const external = externalLinkDecision(url);
  return { cancel: true, openExternally: external.allow ? external.url : null };
}

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Every web contents may show only the app: navigations elsewhere are stopped, new windows are
 * refused, <webview> cannot be attached. The role is asked at each event, so a window marked
 * as the print window after it was created is still held to the print rule.
 */
export function guardContents(
  contents: GuardedContents,
  role: () => ContentsRole,
  app: AppLocation,
  openExternal: (url: string) => void,
): void {
  const decide = (event: { preventDefault(): void }, url: string, mayOpen: boolean): void => {
    const decision = navigationDecision(url, role(), app);
    if (!decision.cancel) return;
    event.preventDefault();
    if (mayOpen && decision.openExternally !== null) openExternal(decision.openExternally);
  };
  contents.on('will-navigate', (event, url) => decide(event, url, true));
  contents.on('will-frame-navigate', (event) => decide(event, event.url, false));
  contents.on('will-redirect', (event, url) => decide(event, url, false));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = navigationDecision(url, role(), app);
    if (decision.openExternally !== null) openExternal(decision.openExternally);
    return { action: 'deny' };
  });
}
