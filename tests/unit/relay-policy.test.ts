import { describe, expect, it } from 'vitest';
import { isRelayRequest, pageWithRelay, policyWithRelay } from '../../main/electron/relay-policy';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp';

const RELAY = 'ws://127.0.0.1:41234';
const META = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; connect-src &#39;self&#39;; object-src &#39;none&#39;">`;

describe('the desktop page’s one way out: its team relay', () => {
  it('lets through only the relay upgrade on this launch’s port', () => {
    expect(isRelayRequest(`${RELAY}/team-relay`, RELAY)).toBe(true);
    for (const url of [
      'ws://127.0.0.1:41235/team-relay',
      `${RELAY}/team-relay/../api`,
      `${RELAY}/other`,
      'wss://127.0.0.1:41234/team-relay',
      'http://127.0.0.1:41234/team-relay',
      'ws://localhost:41234/team-relay',
      'ws://user@127.0.0.1:41234/team-relay',
      'not a url',
    ])
      expect(isRelayRequest(url, RELAY), url).toBe(false);
  });

  it('adds the relay to connect-src in the header and in the page’s meta copy, and nowhere else', () => {
    const policy = policyWithRelay(CONTENT_SECURITY_POLICY, RELAY);
    expect(policy).toContain(`connect-src 'self' ${RELAY};`);
    expect(policy.replace(` ${RELAY}`, '')).toBe(CONTENT_SECURITY_POLICY);
    expect(pageWithRelay(`<head>${META}</head>`, RELAY)).toBe(
      `<head>${META.replace('connect-src &#39;self&#39;', `connect-src &#39;self&#39; ${RELAY}`)}</head>`,
    );
  });

  it('changes nothing for an origin that is not a loopback ws origin, or a page it cannot read exactly', () => {
    for (const origin of ['ws://127.0.0.1:1; script-src *', 'ws://evil.example:80', 'ws://127.0.0.1:*', "'unsafe-inline'"]) {
      expect(policyWithRelay(CONTENT_SECURITY_POLICY, origin), origin).toBe(CONTENT_SECURITY_POLICY);
      expect(pageWithRelay(META, origin), origin).toBe(META);
    }
    const wider = META.replace('connect-src &#39;self&#39;', 'connect-src &#39;self&#39; https:');
    expect(pageWithRelay(wider, RELAY)).toBe(wider);
    expect(pageWithRelay(`${META}${META}`, RELAY)).toBe(`${META}${META}`);
    expect(pageWithRelay('<!doctype html>', RELAY)).toBe('<!doctype html>');
  });
});
