// The workbench's side of the team server's blob store: upload a snapshot's or an image's bytes
// once under their SHA-256, and fetch them back, verified against the hash before anyone uses them.
import { createHash } from 'node:crypto';
import { isBlobHash } from '../../src/team/permissions';

/** What went wrong, so a caller can tell "log in again" from "retry later" from "refused". */
export type BlobTransferFailure =
  'bad-hash' | 'unreachable' | 'unauthorized' | 'forbidden' | 'not-found' | 'too-large' | 'corrupt' | 'refused';

export class BlobTransferError extends Error {
  constructor(
    readonly failure: BlobTransferFailure,
    message: string,
    /** The server's HTTP status, when it answered. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'BlobTransferError';
  }
}

export interface UploadedBlob {
  sha256: string;
  bytes: number;
  /** `new` when this upload stored it, `already` when the server held it before. */
  stored: 'new' | 'already';
}

export interface BlobTransferOptions {
  /** Gives up after this long (default 120 s: 32 MB over a slow link). */
  timeoutMs?: number;
}

const FAILURE_OF_STATUS: Record<number, BlobTransferFailure> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  413: 'too-large',
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The blob's HTTP address; a provider's ws:// or wss:// server address is accepted as well. */
function blobUrl(serverUrl: string, sha256: string): string {
  const base = new URL(serverUrl);
  if (base.protocol === 'ws:') base.protocol = 'http:';
  else if (base.protocol === 'wss:') base.protocol = 'https:';
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new BlobTransferError('unreachable', `The team server address must start with http(s):// or ws(s)://, not “${serverUrl}”.`);
  return new URL(`blobs/${sha256}`, base.href.endsWith('/') ? base.href : `${base.href}/`).href;
}

async function request(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : String(error);
    throw new BlobTransferError('unreachable', `The team server could not be reached (${why}).`);
  }
}

/** Turns a refusal into an error carrying the server's own explanation. */
async function refusal(response: Response, action: string): Promise<BlobTransferError> {
  let explanation = '';
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') explanation = body.error;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const failure = FAILURE_OF_STATUS[response.status] ?? 'refused';
  return new BlobTransferError(
    failure,
    `The team server refused to ${action} (HTTP ${response.status})${explanation ? `: ${explanation}` : '.'}`,
    response.status,
  );
}

/** Uploads `bytes` under their SHA-256; uploading what the server already holds is harmless. */
export async function uploadBlob(
  serverUrl: string,
  token: string,
  bytes: Uint8Array,
  options: BlobTransferOptions = {},
): Promise<UploadedBlob> {
  const sha256 = sha256Hex(bytes);
  // fetch takes views of plain ArrayBuffers only; the bytes (a Buffer from SQLite or a file) are one, viewed without a copy.
  const body = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  const response = await request(
    blobUrl(serverUrl, sha256),
    { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body },
    options.timeoutMs ?? 120_000,
  );
  if (response.status !== 200 && response.status !== 201) throw await refusal(response, 'store the blob');
  await response.body?.cancel();
  return { sha256, bytes: bytes.length, stored: response.status === 201 ? 'new' : 'already' };
}

/** Fetches blob `sha256`; throws `corrupt` rather than return bytes that do not hash to it. */
export async function fetchBlob(serverUrl: string, token: string, sha256: string, options: BlobTransferOptions = {}): Promise<Uint8Array> {
  if (!isBlobHash(sha256)) throw new BlobTransferError('bad-hash', `“${sha256}” is not a SHA-256 in 64 lowercase hex digits.`);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const response = await request(blobUrl(serverUrl, sha256), { headers: { Authorization: `Bearer ${token}` } }, timeoutMs);
  if (response.status !== 200) throw await refusal(response, 'send the blob');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new BlobTransferError('unreachable', `The blob's transfer broke off (${String(error)}).`);
  }
  const actual = sha256Hex(bytes);
  if (actual !== sha256)
    throw new BlobTransferError('corrupt', `The blob the team server sent hashes to ${actual}, not ${sha256}; it was not used.`, 200);
  return bytes;
}
