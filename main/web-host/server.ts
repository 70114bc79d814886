import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import type { Dispatcher } from '../../src/contract/dispatch';
import type { ErrorPayload } from '../../src/contract/errors';
import type { HostEvent } from '../../src/contract/host-events';
import type { JobManager } from '../../src/contract/job-manager';
import { createToken, isAllowedHost, isAllowedOrigin, TOKEN_HEADER, tokensMatch } from './auth';
import type { DownloadStore } from '../downloads';
import type { UploadStore } from '../uploads';
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LABEL } from '../../src/snapshot/limits';
import { readStatic, resolveStaticPath } from '../static-files';
import { SECURITY_HEADERS } from '../security-headers';
import { OPENS_ON_LIBRARY_META } from '../../src/start/library-address';
import { relayUpgradeHandler, type RelayTaker } from '../team-client/relay-endpoint';

/** Calls carry whole documents and pasted text, but nothing near this size. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const KEEPALIVE_MS = 15_000;
const EPOCH_HEADER = 'x-warrant-epoch';
/**
 * The build names every file under /assets/ by a hash of its content, so a browser may keep them:
 * a restart on the workspace's usual port then loads the page from its cache, with the code
 * Chromium compiled last time. The page itself, the API and pdf.js's files stay uncached.
 */
const CACHED_FOR_GOOD = { 'Cache-Control': 'public, max-age=31536000, immutable' };

export interface WebHostOptions {
  /** Asked on every call; the browser host builds it once, after it starts listening. */
  dispatcher: () => Promise<Dispatcher>;
  jobManager: JobManager;
  downloads: DownloadStore;
  uploads: UploadStore;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  /**
   * WebSocket upgrades to `/team-relay` (the page's live link to the team hub), after the Host and
   * Origin checks; false when nothing takes them. The hub checks the token inside the protocol.
   */
  teamRelay?: RelayTaker;
  /**
   * Asked each time the page itself is served: true writes the hint that a fresh start opens on
   * the library (src/start/library-address.ts), so the page shows it without waiting for `host.info`.
   */
  opensOnLibrary?: () => boolean;
  /** The host's own events (the team status) for each event stream, beside the jobs'; returns how to stop them. */
  hostEvents?: (send: (event: HostEvent) => void) => () => void;
}

/** The page with the start hint written into its head, before its scripts. */
function withStartHint(page: Buffer): Buffer {
  const meta = `<meta name="${OPENS_ON_LIBRARY_META.name}" content="${OPENS_ON_LIBRARY_META.content}">`;
  const html = page.toString('utf8');
  const at = html.indexOf('<script');
  return at < 0 ? page : Buffer.from(`${html.slice(0, at)}${meta}\n    ${html.slice(at)}`, 'utf8');
}

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The address to open: carries the token in the fragment, which browsers never send. */
  readonly url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly payload: ErrorPayload,
  ) {
    super(payload.message);
  }
}

function send(res: ServerResponse, status: number, body: string | Buffer, mediaType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': mediaType, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/** Reads a whole request body, answering 413 (and ending the upload) past `limit` bytes. */
function readBody(req: IncomingMessage, limit: number, limitLabel: string): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Answer now and stop buffering; the 413 goes out with Connection: close, which ends the upload.
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, { code: 'invalid_input', message: `That is too large (the limit is ${limitLabel}).` }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, MAX_BODY_BYTES, '32 MB')).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, { code: 'invalid_input', message: 'The request body is not valid JSON.' });
  }
}

/** The workspace epoch the page was loaded with; calls without one (scripts, tests) are not checked. */
function epochHeader(req: IncomingMessage): string | undefined {
  const value = req.headers[EPOCH_HEADER];
  return typeof value === 'string' && value !== '' ? value.slice(0, 64) : undefined;
}

function fileNameHeader(value: string | string[] | undefined): string {
  try {
    return typeof value === 'string' ? decodeURIComponent(value).slice(0, 255) : 'file';
  } catch {
    return 'file';
  }
}

/** Serves the renderer and the contract over HTTP on 127.0.0.1 only. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? createToken();
  const rendererDir = resolve(options.rendererDir);
  const hashedAssets = join(rendererDir, 'assets') + sep;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (!tokensMatch(req.headers[TOKEN_HEADER], token)) {
      throw new HttpError(401, {
        code: 'unauthorized',
        message: 'This request lacks the session token. Open Warrant from the address it printed.',
      });
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      throw new HttpError(403, { code: 'unauthorized', message: 'Requests from other sites are refused.' });
    }
    const [, , kind, name = ''] = path.split('/');
    if (req.method === 'POST' && kind === 'call') {
      return sendJson(res, 200, await (await options.dispatcher()).call(name, await readJsonBody(req), epochHeader(req)));
    }
    if (req.method === 'POST' && kind === 'job') {
      return sendJson(res, 200, (await options.dispatcher()).startJob(name, await readJsonBody(req), epochHeader(req)));
    }
    if (req.method === 'POST' && kind === 'uploads') {
      const bytes = await readBody(req, SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LABEL);
      const stored = options.uploads.putResult(bytes, fileNameHeader(req.headers['x-warrant-file-name']));
      return sendJson(res, stored.ok ? 200 : 413, stored);
    }
    if (req.method === 'GET' && kind === 'events') return openEventStream(res);
    if (req.method === 'GET' && kind === 'files') return sendDownload(res, name);
    throw new HttpError(404, { code: 'unknown_operation', message: 'No such endpoint.' });
  };

  const openEventStream = (res: ServerResponse): void => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
    res.write(': connected\n\n');
    streams.add(res);
    const push = (event: unknown): void => void res.write(`data: ${JSON.stringify(event)}\n\n`);
    const unsubscribe = options.jobManager.subscribe(push);
    const stopHostEvents = options.hostEvents?.(push);
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    res.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
      stopHostEvents?.();
      streams.delete(res);
    });
  };

  const sendDownload = (res: ServerResponse, fileId: string): void => {
    // Claimed before the first byte: discarding only once the response finished left a moment
    // in which a second request for the same file was still served.
    const entry = options.downloads.claim(fileId);
    if (!entry) throw new HttpError(404, { code: 'not_found', message: 'That download has expired. Run the export again.' });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': entry.ref.mediaType,
      'Content-Length': String(entry.ref.size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.ref.name)}`,
      'Cache-Control': 'no-store',
    });
    let delivered = false;
    res.on('finish', () => (delivered = true));
    res.on('close', () => options.downloads.finish(fileId, entry, delivered));
    createReadStream(entry.path)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isAllowedHost(req.headers.host, port)) {
      return send(res, 403, 'Forbidden: unexpected Host header.', 'text/plain; charset=utf-8');
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    try {
      if (path.startsWith('/api/')) return await handleApi(req, res, path);
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed.', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
      const file = resolveStaticPath(rendererDir, path);
      if (!file) return send(res, 404, 'Not found.', 'text/plain; charset=utf-8');
      const { body, mediaType } = readStatic(file);
      const page = file === resolve(rendererDir, 'index.html') && options.opensOnLibrary?.() === true ? withStartHint(body) : body;
      return send(res, 200, req.method === 'HEAD' ? '' : page, mediaType, file.startsWith(hashedAssets) ? CACHED_FOR_GOOD : {});
    } catch (error) {
      if (error instanceof HttpError) {
        if (error.status === 413) res.setHeader('Connection', 'close');
        return sendJson(res, error.status, { ok: false, error: error.payload });
      }
      return sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The host failed to answer.' } });
    }
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  server.on(
    'upgrade',
    relayUpgradeHandler(
      { allowedHost: (host) => isAllowedHost(host, port), allowedOrigin: (origin) => isAllowedOrigin(origin, port) },
      options.teamRelay,
    ),
  );
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ready());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((done) => {
        for (const stream of streams) stream.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
