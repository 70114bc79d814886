// Where a page's editor reaches the team hub: the WebSocket upgrade to `/team-relay`, checked the
// same way in both hosts. The browser host takes it on its own HTTP server; the desktop app, whose
// page is served from app:// and so has no HTTP host, runs a loopback server of its own for it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createToken } from '../web-host/auth';

export const TEAM_RELAY_PATH = '/team-relay';

/** Hands a checked upgrade to the team hub; false when no hub is running to take it. */
export type RelayTaker = (request: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/** Who may open the relay: the exact Host header (DNS rebinding) and the page's Origin (other sites). */
export interface RelayGate {
  allowedHost(host: string | undefined): boolean;
  allowedOrigin(origin: string | undefined): boolean;
}

/**
 * The one upgrade handler of both hosts: Host, Origin and path are checked before the hub sees the
 * socket, and anything refused (or with no hub to take it) gets a 403 and is closed. The hub itself
 * then checks the page's secret inside the protocol (team-hub.ts, authenticateRelay).
 */
export function relayUpgradeHandler(
  gate: RelayGate,
  take: RelayTaker | undefined,
): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const allowed = gate.allowedHost(request.headers.host) && gate.allowedOrigin(request.headers.origin) && path === TEAM_RELAY_PATH;
    if (!allowed || !take?.(request, socket, head)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
    }
  };
}

export interface RelayEndpoint {
  /** The address the page's provider connects to: `ws://127.0.0.1:<port>/team-relay`. */
  readonly url: string;
  /** `ws://127.0.0.1:<port>`: the one origin the page's CSP and the request filter let it reach. */
  readonly origin: string;
  /** Fresh for each launch; the page presents it as its token, and the hub compares it in constant time. */
  readonly secret: string;
  close(): Promise<void>;
}

export interface RelayEndpointOptions {
  /** The page's own origin (the desktop app's `app://warrant`); a socket from any other is refused. */
  appOrigin: string;
  take: RelayTaker;
  /** 0 (the default) picks a free port. */
  port?: number;
}

/**
 * The desktop app's relay: a server on 127.0.0.1 that answers nothing but the relay upgrade. Unlike
 * the browser host, an upgrade without an Origin is refused too: the app's page always sends one.
 */
export async function startRelayEndpoint(options: RelayEndpointOptions): Promise<RelayEndpoint> {
  let port = 0;
  const server: Server = createServer((_request, response) => {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end('Not found.');
  });
  server.on(
    'upgrade',
    relayUpgradeHandler(
      { allowedHost: (host) => host === `127.0.0.1:${port}`, allowedOrigin: (origin) => origin === options.appOrigin },
      options.take,
    ),
  );
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `ws://127.0.0.1:${port}`;
  return {
    url: `${origin}${TEAM_RELAY_PATH}`,
    origin,
    secret: createToken(),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
