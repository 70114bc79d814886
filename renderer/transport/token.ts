// The session token's place in the address and in this tab's storage; small and free of the
// transport, so the page's early reads (renderer/transport/early-reads.ts) can find it before the main script.

const TOKEN_KEY = 'warrant.token';
/** Long enough that the start is over (the page is interactive and showing data) well before it. */
const KEEP_AFTER_START_MS = 3_000;

/** The token this page was given or moved to, held from the moment it is taken. */
let held: string | null = null;
let written: string | null = null;
let keeping = false;
let startOver = false;

/** The session token an address carries in its fragment (`#token=…`), if any. */
export function tokenInFragment(hash: string): string | null {
  return new URLSearchParams(hash.slice(1)).get('token') || null;
}

/**
 * Kept for reloads of this tab (sessionStorage: this tab only, gone when it closes). The first
 * write to a tab's storage can hold the page's main thread for tens of milliseconds while the
 * browser sets that storage up, so it is not made during the start: the token is held in memory
 * at once and written before the page goes away (a reload fires `pagehide` first) or once the
 * start is over, whichever comes first.
 */
export function rememberToken(token: string): void {
  held = token;
  if (startOver) {
    // A token taken later (the host restarted on a new address) is written at the next quiet moment.
    writeWhenIdle();
    return;
  }
  if (keeping) return;
  keeping = true;
  window.addEventListener('pagehide', writeHeldToken);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') writeHeldToken();
  });
  window.setTimeout(() => {
    startOver = true;
    writeWhenIdle();
  }, KEEP_AFTER_START_MS);
}

function writeWhenIdle(): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(writeHeldToken, { timeout: KEEP_AFTER_START_MS });
  else writeHeldToken();
}

function writeHeldToken(): void {
  if (held === null || held === written) return;
  sessionStorage.setItem(TOKEN_KEY, held);
  written = held;
}

/** The token this tab was given: from its address, then as held since, or after a reload from its storage. */
export function currentToken(): string | null {
  return tokenInFragment(window.location.hash) ?? held ?? sessionStorage.getItem(TOKEN_KEY);
}

/** The address's fragment without its token: what the page will show once the token is taken out. */
export function fragmentWithoutToken(hash: string): string {
  return tokenInFragment(hash) === null ? hash : '';
}

/** The header every call to the browser host carries the token in. */
export const TOKEN_HEADER = 'X-Warrant-Token';
