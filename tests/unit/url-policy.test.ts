import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp';
import { safeLinkUrl } from '../../src/export/document';
import {
  documentLinkUrl,
  externalLinkDecision,
  isAllowedNavigation,
  isAppUrl,
  isTrustedSender,
  type AppLocation,
} from '../../src/security/url-policy';

const DESKTOP: AppLocation = { protocol: 'app:', host: 'warrant' };
const BROWSER: AppLocation = { protocol: 'http:', host: '127.0.0.1:5123' };

describe('isAppUrl / isAllowedNavigation', () => {
  it.each([
    ['app://warrant/index.html', DESKTOP],
    ['app://warrant/assets/index.js?x=1#frag', DESKTOP],
    ['HTTP://127.0.0.1:5123/index.html', BROWSER],
    ['http://127.0.0.1:5123/', BROWSER],
  ])('accepts the app itself: %s', (url, app) => {
    expect(isAppUrl(url, app)).toBe(true);
    expect(isAllowedNavigation(url, app)).toBe(true);
  });

  it.each([
    'app://warrant.attacker.net/index.html',
    'app://warrantx/index.html',
    'app://evil@warrant/index.html',
    'app://warrant:secret@warrant/index.html',
    'https://warrant/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('refuses anything else in the desktop window: %s', (url) => {
    expect(isAllowedNavigation(url, DESKTOP)).toBe(false);
  });

  it.each([
    'http://127.0.0.1:5123.attacker.net/',
    'http://127.0.0.1:5124/',
    'https://127.0.0.1:5123/',
    'http://localhost:5123/',
    'http://user:pass@127.0.0.1:5123/',
  ])('refuses look-alikes of the browser host: %s', (url) => {
    expect(isAllowedNavigation(url, BROWSER)).toBe(false);
  });

  it('does not fall for prefix tricks against a real domain', () => {
    const app: AppLocation = { protocol: 'https:', host: 'app.example.com' };
    expect(isAppUrl('https://app.example.com/x', app)).toBe(true);
    expect(isAppUrl('https://app.example.com.attacker.net/x', app)).toBe(false);
    expect(isAppUrl('https://app.example.com@attacker.net/x', app)).toBe(false);
  });
});

describe('externalLinkDecision', () => {
  it.each([
    ['https://www.nato.int/cps/en/natohq/news_148152.htm', 'https://www.nato.int/cps/en/natohq/news_148152.htm'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/Path', 'https://example.org/Path'],
    ['mailto:press@example.org', 'mailto:press@example.org'],
    ['  https://example.org/  ', 'https://example.org/'],
  ])('opens web and mail links: %s', (url, normalised) => {
    expect(externalLinkDecision(url)).toEqual({ allow: true, url: normalised });
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'FILE:///etc/passwd',
    'sftp://files.example.org/',
    'smb://fileserver/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'vscode://file/etc/passwd',
    'data:text/html,hi',
    'ftp://example.org/',
    'tel:+123',
    '//example.org/no-scheme',
    'example.org',
    'https://user:pass@example.org/',
    'https://user@example.org/',
    'https://',
    '',
  ])('refuses: %j', (url) => {
    expect(externalLinkDecision(url).allow).toBe(false);
  });

  it('says why a link was refused', () => {
    expect(externalLinkDecision('smb://server/share')).toEqual({ allow: false, reason: 'smb: links are not opened' });
  });
});

describe('mailto links keep only to, cc, bcc, subject and body', () => {
  it.each([
    ['mailto:press@example.org?attach=/etc/passwd', 'mailto:press@example.org'],
    ['mailto:press@example.org?ATTACH=/etc/passwd', 'mailto:press@example.org'],
    ['mailto:press@example.org?attachment=C:%5CUsers%5Ca%5C.ssh%5Cid_rsa', 'mailto:press@example.org'],
    ['mailto:press@example.org?%61ttach=/etc/passwd', 'mailto:press@example.org'],
    ['mailto:press@example.org?subject=Hi&attach=~/.gnupg/secring.gpg&body=x', 'mailto:press@example.org?subject=Hi&body=x'],
    [
      'mailto:press@example.org?Subject=Hi&CC=b@example.org&bcc=c@example.org&to=d@example.org',
      'mailto:press@example.org?Subject=Hi&CC=b@example.org&bcc=c@example.org&to=d@example.org',
    ],
    ['mailto:press@example.org?x-attach=/etc/shadow&in-reply-to=%3Cid%3E', 'mailto:press@example.org'],
    ['mailto:press@example.org?subject%00=x&body =y', 'mailto:press@example.org'],
    ['mailto:press@example.org?body=see%26attach%3D/etc/passwd', 'mailto:press@example.org?body=see%26attach%3D/etc/passwd'],
    ['mailto:press@example.org?subject=a b#attach=/etc/passwd', 'mailto:press@example.org?subject=a%20b'],
    ['mailto:?to=press@example.org&attach=/etc/passwd', 'mailto:?to=press@example.org'],
    ['mailto:press@example.org?subject=x?attach=/etc/passwd', 'mailto:press@example.org?subject=x%3Fattach=/etc/passwd'],
    ['mailto:press@example.org?attach=/etc/passwd&attach=/etc/shadow', 'mailto:press@example.org'],
  ])('%s → %s', (url, kept) => {
    expect(externalLinkDecision(url)).toEqual({ allow: true, url: kept });
    expect(documentLinkUrl(url)).toBe(kept);
    // Every export takes its links through the same rule.
    expect(safeLinkUrl(url)).toBe(kept);
  });

  it('refuses an address that hides a query a mail client might decode first', () => {
    expect(externalLinkDecision('mailto:a%3Fattach=/etc/passwd@example.org').allow).toBe(false);
    expect(documentLinkUrl('mailto:a%3Fattach=/etc/passwd@example.org')).toBeNull();
  });

  it('keeps web addresses in documents as they were written', () => {
    expect(documentLinkUrl('  https://example.org  ')).toBe('https://example.org');
    expect(documentLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('file:///etc/passwd')).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app’s own main frame', () => {
    expect(isTrustedSender('app://warrant/index.html', true, DESKTOP)).toBe(true);
    expect(isTrustedSender('app://warrant/index.html', false, DESKTOP)).toBe(false);
    expect(isTrustedSender('https://attacker.net/', true, DESKTOP)).toBe(false);
    expect(isTrustedSender('app://warrant.attacker.net/', true, DESKTOP)).toBe(false);
    expect(isTrustedSender(undefined, true, DESKTOP)).toBe(false);
    expect(isTrustedSender(null, true, DESKTOP)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('denies by default and allows scripts only from the app', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline or evaluated code, nor remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|https?:/);
  });
});
