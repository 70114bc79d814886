// The one exception to "no request leaves the page" in the desktop app: the editor's WebSocket to
// the team relay on this launch's loopback port (main/team-client/relay-endpoint.ts). Electron-free,
// so the rules are tested in Node.
import { TEAM_RELAY_PATH } from '../team-client/relay-endpoint';

const CONNECT_SELF = "connect-src 'self'";
/** The same directive as the built page's CSP meta tag writes it (attribute-escaped quotes). */
const CONNECT_SELF_IN_META = 'connect-src &#39;self&#39;';

/** `ws://127.0.0.1:<port>` and nothing looser: the relay's origin as a CSP source. */
function isLoopbackWsOrigin(origin: string): boolean {
  return /^ws:\/\/127\.0\.0\.1:\d{1,5}$/.test(origin);
}

/** Whether the page's request is the relay upgrade itself: ws, that exact origin, the relay path. */
export function isRelayRequest(url: string, relayOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'ws:' && `ws://${parsed.host}` === relayOrigin && parsed.pathname === TEAM_RELAY_PATH && parsed.username === ''
  );
}

/** The policy with the relay's origin added to connect-src (and only there); unchanged for anything but a loopback ws origin. */
export function policyWithRelay(policy: string, relayOrigin: string): string {
  if (!isLoopbackWsOrigin(relayOrigin)) return policy;
  return policy
    .split('; ')
    .map((directive) => (directive === CONNECT_SELF ? `${CONNECT_SELF} ${relayOrigin}` : directive))
    .join('; ');
}

/**
 * The page with its CSP meta tag widened the same way: the header and the meta are both enforced,
 * so the relay needs both. A page whose meta does not say exactly `connect-src 'self'` once is
 * served as it is, and the relay stays blocked (closed, not open, when the build changes).
 */
export function pageWithRelay(html: string, relayOrigin: string): string {
  if (!isLoopbackWsOrigin(relayOrigin)) return html;
  const at = html.indexOf(CONNECT_SELF_IN_META);
  if (at === -1 || html.indexOf(CONNECT_SELF_IN_META, at + 1) !== -1) return html;
  const end = at + CONNECT_SELF_IN_META.length;
  // Only a whole directive: `connect-src 'self' https:` must not become a wider policy by accident.
  if (html[end] !== ';' && html[end] !== '"') return html;
  return `${html.slice(0, end)} ${relayOrigin}${html.slice(end)}`;
}
