// The team server's few HTTP routes, beside its WebSocket: log in (a session token for the
// provider), log out, a health check for a load balancer, and the blob store (blob-routes.ts).
// Anything else is 404.
import type { Extension, onRequestPayload } from '@hocuspocus/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Accounts } from './accounts';
import type { AuditLog } from './audit-log';
import type { BlobRoutes } from './blob-routes';
import { bearerToken, sendJson as send } from './http-replies';

const MAX_BODY_BYTES = 4096;
/** Failed logins allowed per user name per minute; scrypt's cost makes each one dear to the CPU. */
const FAILED_LOGINS_PER_MINUTE = 5;

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function credentialsFrom(body: string): { user: string; password: string } | null {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null || !('user' in value) || !('password' in value)) return null;
    const { user, password } = value;
    return typeof user === 'string' && typeof password === 'string' ? { user, password } : null;
  } catch {
    return null;
  }
}

/**
 * Hocuspocus answers every request it is not stopped from answering; a hook stops it by
 * rejecting with no error, so each route ends by returning this.
 */
function handled(): Promise<never> {
  return Promise.reject();
}

export class TeamHttp implements Extension {
  readonly extensionName = 'Warrant login';
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly accounts: Accounts,
    private readonly audit: AuditLog,
    private readonly sessionHours: number,
    private readonly blobs: BlobRoutes,
  ) {}

  private tooManyFailures(user: string, now: number): boolean {
    const recent = (this.failures.get(user) ?? []).filter((at) => now - at < 60_000);
    this.failures.set(user, recent);
    return recent.length >= FAILED_LOGINS_PER_MINUTE;
  }

  async onRequest({ request, response }: onRequestPayload): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://team-server').pathname;
    if (request.method === 'GET' && path === '/health') send(response, 200, { ok: true });
    else if (request.method === 'POST' && path === '/login') await this.login(request, response);
    else if (request.method === 'POST' && path === '/logout') {
      const token = bearerToken(request);
      send(
        response,
        token && (await this.accounts.revoke(token)) ? 200 : 401,
        token ? { ok: true } : { error: 'No session token was sent.' },
      );
    } else if (!(await this.blobs.handle(request, response, path))) send(response, 404, { error: 'Not found.' });
    return handled();
  }

  private async login(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const credentials = body === null ? null : credentialsFrom(body);
    if (!credentials) return send(response, 400, { error: 'Send {"user": …, "password": …} as JSON (at most 4 KB).' });
    const now = Date.now();
    if (this.tooManyFailures(credentials.user, now)) {
      this.audit.record({ user: credentials.user, event: 'login-refused', document: null, bytes: null, detail: 'too many failed logins' });
      return send(response, 429, { error: 'Too many failed logins for this user; wait a minute.' });
    }
    const session = await this.accounts.login(credentials.user, credentials.password, this.sessionHours);
    if (!session) {
      // Bounded, so a stream of made-up names cannot grow the map without end.
      if (this.failures.size > 10_000) this.failures.clear();
      this.failures.set(credentials.user, [...(this.failures.get(credentials.user) ?? []), now]);
      this.audit.record({
        user: credentials.user,
        event: 'login-refused',
        document: null,
        bytes: null,
        detail: 'wrong user name or password',
      });
      return send(response, 401, { error: 'Wrong user name or password.' });
    }
    this.audit.record({
      user: session.user.name,
      event: 'login',
      document: null,
      bytes: null,
      detail: `session until ${session.expiresAt}`,
    });
    send(response, 200, { token: session.token, user: session.user.name, role: session.user.role, expiresAt: session.expiresAt });
  }
}
