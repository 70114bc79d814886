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
 * The mailto fields RFC 6068 gives meaning to. Mail clients honour others too (`attach`,
 * `attachment`, `x-…`), which let a link attach a local file to a message the analyst sends.
 */
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * A mailto address with only to/cc/bcc/subject/body kept, each as it was written. Names are
 * compared decoded and case-blind, so `%61ttach` or `ATTACH` go too. Null when the address
 * itself hides a query (`a%3Fattach=…@b`), which a client might decode before splitting.
 */
function cleanMailto(parsed: URL): string | null {
  const address = decodedOrNull(parsed.pathname);
  if (address === null || address.includes('?')) return null;
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((field) => {
      const name = decodedOrNull(field.split('=', 1)[0] ?? '');
      return name !== null && MAILTO_FIELDS.has(name.toLowerCase());
    })
    // A second "?" inside a value is data; encoded, no client can read it as a new query.
    .map((field) => field.replaceAll('?', '%3F'));
  return `mailto:${parsed.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

/**
 * Which links may be handed to the OS: web pages and mail only. Anything else (`file:`,
 * `javascript:`, `smb:`, `ms-msdt:`, custom handlers) could run code or reach the network
 * share. URLs carrying credentials are refused too: they are a classic phishing disguise.
 * The returned `url` is the one to use: for mailto it keeps only the standard fields.
 */
export function externalLinkDecision(url: string): ExternalLinkDecision {
  const parsed = parse(url.trim());
  if (!parsed) return { allow: false, reason: 'not a valid address' };
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return { allow: false, reason: `${parsed.protocol} links are not opened` };
  if (parsed.username !== '' || parsed.password !== '')
    return { allow: false, reason: 'addresses with a user name or password are not opened' };
  if (parsed.protocol === 'mailto:') {
    const mail = cleanMailto(parsed);
    return mail === null ? { allow: false, reason: 'the mail address is not valid' } : { allow: true, url: mail };
  }
  if (parsed.hostname === '') return { allow: false, reason: 'the address has no host' };
  return { allow: true, url: parsed.href };
}

/**
 * The address a link keeps in a briefing and in every export: web addresses as written, mail
 * addresses with only their standard fields; null when the link may not be kept at all.
 */
export function documentLinkUrl(url: string): string | null {
  const decision = externalLinkDecision(url);
  if (!decision.allow) return null;
  return decision.url.startsWith('mailto:') ? decision.url : url.trim();
}

/** True when an IPC message comes from the app's own top-level page, not an embedded or foreign frame. */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame: boolean, app: AppLocation): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl, app);
}
