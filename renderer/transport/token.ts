// The session token's place in the address and in this tab's storage; small and free of the
// transport, so the page's early reads (renderer/early-reads.ts) can find it before the main script.

const TOKEN_KEY = 'warrant.token';

/** The session token an address carries in its fragment (`#token=…`), if any. */
export function tokenInFragment(hash: string): string | null {
  return new URLSearchParams(hash.slice(1)).get('token') || null;
}

/** Kept for reloads of this tab (sessionStorage: this tab only, gone when it closes). */
export function rememberToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** The token this tab was given, from its address or, after a reload, from its storage. */
export function currentToken(): string | null {
  return tokenInFragment(window.location.hash) ?? sessionStorage.getItem(TOKEN_KEY);
}

/** The address's fragment without its token: what the page will show once the token is taken out. */
export function fragmentWithoutToken(hash: string): string {
  return tokenInFragment(hash) === null ? hash : '';
}

/** The header every call to the browser host carries the token in. */
export const TOKEN_HEADER = 'X-Warrant-Token';
