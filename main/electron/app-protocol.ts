import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src/security/csp';
import { readStatic, resolveStaticPath } from '../static-files';
import { SECURITY_HEADERS } from '../security-headers';
import { APP_LOCATION, APP_SCHEME } from './app-location';
import { pageWithRelay, policyWithRelay } from './relay-policy';

/** Must run before the app is ready: makes app:// a standard, secure origin with fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer (and bundled dictionaries) from app://warrant/, with the CSP. The CSP
 * (header and the page's meta copy) lets the page connect to one more origin: this launch's team
 * relay on 127.0.0.1 (see relay-policy.ts).
 */
export function serveAppScheme(rendererDir: string, relayOrigin: string): void {
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': policyWithRelay(CONTENT_SECURITY_POLICY, relayOrigin),
  };
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_LOCATION.host || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    const { body, mediaType } = readStatic(file);
    const content = mediaType.startsWith('text/html') ? pageWithRelay(body.toString('utf8'), relayOrigin) : new Uint8Array(body);
    return new Response(content, { headers: { ...headers, 'Content-Type': mediaType } });
  });
}
