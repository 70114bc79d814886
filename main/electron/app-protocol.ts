import { protocol } from 'electron';
import { readStatic, resolveStaticPath } from '../static-files';
import { SECURITY_HEADERS } from '../security-headers';
import { APP_LOCATION, APP_SCHEME } from './app-location';

/** Must run before the app is ready: makes app:// a standard, secure origin with fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer (and bundled dictionaries) from app://warrant/, with the CSP. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_LOCATION.host || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    const { body, mediaType } = readStatic(file);
    return new Response(new Uint8Array(body), { headers: { ...SECURITY_HEADERS, 'Content-Type': mediaType } });
  });
}
