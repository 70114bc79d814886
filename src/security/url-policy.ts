/** Where the app's own pages are served from, e.g. `app://warrant` or `http://127.0.0.1:5123`. */
export interface AppLocation {
  /** Scheme with its colon, as `URL.protocol` gives it: `app:` or `http:`. */
  readonly protocol: string;
  /** Host with port, as `URL.host` gives it. */
  readonly host: string;
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * True when `url` is one of the app's own pages. Compares the parsed scheme and host exactly:
 * prefix checks let `https://app.example.com.attacker.net` through, and custom schemes have an
 * opaque ("null") origin, so origins cannot be compared for them.
 */
export function isAppUrl(url: string, app: AppLocation): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return parsed.protocol === app.protocol && parsed.host === app.host && parsed.username === '' && parsed.password === '';
}

/** The window may only ever show the app itself; every other navigation is refused. */
export function isAllowedNavigation(url: string, app: AppLocation): boolean {
  return isAppUrl(url, app);
}

const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export type ExternalLinkDecision = { allow: true; url: string } | { allow: false; reason: string };

/**
 * Which links may be handed to the OS: web pages and mail only. Anything else (`file:`,
 * `javascript:`, `smb:`, `ms-msdt:`, custom handlers) could run code or reach the network
 * share. URLs carrying credentials are refused too: they are a classic phishing disguise.
 */
export function externalLinkDecision(url: string): ExternalLinkDecision {
  const parsed = parse(url.trim());
  if (!parsed) return { allow: false, reason: 'not a valid address' };
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return { allow: false, reason: `${parsed.protocol} links are not opened` };
  if (parsed.username !== '' || parsed.password !== '') return { allow: false, reason: 'addresses with a user name or password are not opened' };
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return { allow: false, reason: 'the address has no host' };
  return { allow: true, url: parsed.href };
}

/** True when an IPC message comes from the app's own top-level page, not an embedded or foreign frame. */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame: boolean, app: AppLocation): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl, app);
}
