import type { Transport } from '../../src/contract/client';
import type { WarrantBridge } from '../../src/contract/bridge';
import { createHttpTransport } from './http-transport';
import { currentToken, rememberToken, tokenInFragment } from './token';

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by its preload. */
    warrant?: WarrantBridge;
  }
}

export { rememberToken, tokenInFragment } from './token';

/** This tab's session token (the browser host's; the desktop app has none). */
export function sessionToken(): string | null {
  return currentToken();
}

/**
 * The browser host puts the session token in the URL fragment (never sent to a server, never
 * in a Referer); keep it for reloads of this tab and take it out of the address bar.
 */
function takeToken(): string | null {
  const fromFragment = tokenInFragment(window.location.hash);
  if (fromFragment) {
    rememberToken(fromFragment);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromFragment;
  }
  return currentToken();
}

/** Chosen once at start-up; nothing else in the UI knows which host it runs in. */
export function selectTransport(): Transport | null {
  const bridge = window.warrant;
  if (bridge) {
    return {
      call: bridge.call,
      startJob: bridge.startJob,
      subscribe: bridge.onJobEvent,
      fetchFile: bridge.fetchFile,
      uploadFile: bridge.uploadFile,
    };
  }
  const token = takeToken();
  return token ? createHttpTransport(token) : null;
}
