// `PUT /blobs/<sha256>` (analysts) and `GET /blobs/<sha256>` (any live session): how snapshot and
// image bytes travel between workbenches, never inside a Yjs document (ARCHITECTURE.md, Team
// workspaces). Every answer that is not a success says why in a JSON `error`; all are audited.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { isBlobHash, mayWrite, type TeamRole } from '../../src/team/permissions';
import type { Accounts } from './accounts';
import type { AuditLog } from './audit-log';
import type { BlobRefusal, BlobStore } from './blob-store';
import { bearerToken, sendJson } from './http-replies';

const BLOB_PATH = /^\/blobs\/([^/]+)$/;

/** Blobs are a library's bytes; whoever may change the library may add them. */
const BLOB_DOCUMENT_FAMILY = 'library/blobs';

function refusalReply(refusal: BlobRefusal): { status: number; error: string } {
  switch (refusal.kind) {
    case 'too-large':
      return { status: 413, error: `The blob is larger than this server's ${refusal.limit}-byte cap.` };
    case 'hash-mismatch':
      return { status: 422, error: `The body's SHA-256 is ${refusal.actual}, not the one in the address; nothing was kept.` };
    case 'incomplete':
      return { status: 400, error: `The body ended after ${refusal.bytes} bytes, before it was complete; nothing was kept.` };
  }
}

export class BlobRoutes {
  constructor(
    private readonly store: BlobStore,
    private readonly accounts: Accounts,
    private readonly audit: AuditLog,
    private readonly maxBlobBytes: number,
  ) {}

  /** Answers a blob request; false when `path` is not a blob address (another route's). */
  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const hash = BLOB_PATH.exec(path)?.[1];
    if (hash === undefined) return false;
    if (request.method !== 'GET' && request.method !== 'PUT') {
      sendJson(response, 405, { error: 'Blobs are read with GET and added with PUT.' }, { Allow: 'GET, PUT' });
      return true;
    }
    const document = `blobs/${hash}`;
    const refuse = (status: number, error: string, user: string | null, bytes: number | null = null): true => {
      this.audit.record({ user, event: 'refused', document, bytes, detail: `${request.method} blob: ${error}` });
      // A refused upload's body is not read; closing stops the sender from sending the rest.
      sendJson(response, status, { error }, request.method === 'PUT' ? { Connection: 'close' } : {});
      return true;
    };
    if (!isBlobHash(hash)) return refuse(400, 'A blob address is its SHA-256 in 64 lowercase hex digits.', null);
    const token = bearerToken(request);
    if (token === null) return refuse(401, 'No session token was sent (Authorization: Bearer …).', null);
    const session = await this.accounts.userForToken(token);
    if ('refused' in session) return refuse(401, `The session is ${session.refused}; log in again.`, null);
    const { user } = session;
    return request.method === 'GET' ? this.get(hash, user.name, response, refuse) : this.put(hash, user, request, response, refuse);
  }

  private async get(
    hash: string,
    user: string,
    response: ServerResponse,
    refuse: (status: number, error: string, user: string | null) => true,
  ): Promise<boolean> {
    const blob = await this.store.read(hash);
    if (!blob) return refuse(404, 'This server holds no blob with that SHA-256.', user);
    this.audit.record({ user, event: 'blob-get', document: `blobs/${hash}`, bytes: blob.bytes, detail: null });
    response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(blob.bytes),
      // Content-addressed, so a copy can never be stale; private because it needs a session.
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${hash}"`,
    });
    await pipeline(blob.stream, response).catch(() => undefined);
    return true;
  }

  private async put(
    hash: string,
    user: { name: string; role: TeamRole },
    request: IncomingMessage,
    response: ServerResponse,
    refuse: (status: number, error: string, user: string | null, bytes?: number | null) => true,
  ): Promise<boolean> {
    if (!mayWrite(user.role, BLOB_DOCUMENT_FAMILY)) return refuse(403, `A ${user.role} may not add blobs.`, user.name);
    const declared = Number(request.headers['content-length'] ?? Number.NaN);
    if (declared > this.maxBlobBytes)
      return refuse(413, `The blob is larger than this server's ${this.maxBlobBytes}-byte cap.`, user.name, declared);
    const result = await this.store.put(hash, request, this.maxBlobBytes, () => request.complete);
    if ('refused' in result) {
      const reply = refusalReply(result.refused);
      return refuse(reply.status, reply.error, user.name, 'bytes' in result.refused ? result.refused.bytes : null);
    }
    this.audit.record({ user: user.name, event: 'blob-put', document: `blobs/${hash}`, bytes: result.bytes, detail: result.kept });
    sendJson(response, result.kept === 'new' ? 201 : 200, { sha256: hash, bytes: result.bytes, stored: result.kept });
    return true;
  }
}
