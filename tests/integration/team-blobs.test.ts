// The team server's blob store for real: a server on 127.0.0.1 with its data folder in a temporary
// directory, the workbench's uploadBlob/fetchBlob, and raw HTTP where a modified client would lie.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobTransferError, fetchBlob, uploadBlob } from '../../main/team-client/blob-transfer';
import { AuditLog, type AuditEntry } from '../../main/team/audit-log';
import type { RunningTeamServer } from '../../main/team/team-server';
import { login, sqliteFileOf, waitForAsync } from './helpers/team';
import { startTeam, TEAM_PASSWORD as PASSWORD } from './helpers/team-setup';

const MAX_BLOB_BYTES = 64 * 1024;

let dataDir: string;
let server: RunningTeamServer;
const tokens: Record<string, string> = {};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const blobPath = (hash: string): string => join(dataDir, 'blobs', hash.slice(0, 2), hash);
const partialFiles = (): string[] => (existsSync(join(dataDir, 'blobs', 'partial')) ? readdirSync(join(dataDir, 'blobs', 'partial')) : []);

async function refusedWith(attempt: Promise<unknown>): Promise<BlobTransferError> {
  const error = await attempt.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BlobTransferError);
  return error as BlobTransferError;
}

/** Sends the request line, headers and `body` over a bare socket, then hangs up: a sender cut off mid-upload. */
function cutOffUpload(hash: string, declaredBytes: number, body: Uint8Array): Promise<void> {
  const { port } = server;
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: '127.0.0.1', port }, () => {
      socket.write(
        `PUT /blobs/${hash} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokens.ana}\r\nContent-Length: ${declaredBytes}\r\n\r\n`,
      );
      socket.write(body, () => socket.destroy());
    });
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
}

/** A PUT whose length is not declared (chunked), so the cap must be enforced while reading. */
function chunkedUpload(hash: string, chunks: Uint8Array[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const put = request(
      `${server.httpUrl}/blobs/${hash}`,
      { method: 'PUT', headers: { Authorization: `Bearer ${tokens.ana}` } },
      (answer) => {
        let body = '';
        answer.on('data', (chunk: Buffer) => (body += chunk.toString()));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
      },
    );
    put.on('error', reject);
    for (const chunk of chunks) put.write(chunk);
    put.end();
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'warrant-team-blobs-'));
  const roles = { ana: 'analyst', rita: 'reviewer', reed: 'reader', eve: 'analyst' } as const;
  server = await startTeam(dataDir, roles, { limits: { maxBlobBytes: MAX_BLOB_BYTES } });
  for (const name of Object.keys(roles)) tokens[name] = (await login(server.httpUrl, name, PASSWORD)).token ?? '';
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the team server’s blob store', () => {
  it('keeps an analyst’s upload once under its hash and hands it to any role, verified and audited', async () => {
    const bytes = randomBytes(40_000);
    const first = await uploadBlob(server.url, tokens.ana ?? '', bytes);
    expect(first).toEqual({ sha256: sha256(bytes), bytes: bytes.length, stored: 'new' });
    expect(existsSync(blobPath(first.sha256))).toBe(true);
    expect(await uploadBlob(server.httpUrl, tokens.eve ?? '', bytes)).toMatchObject({ stored: 'already' });

    const fetched = await fetchBlob(server.url, tokens.reed ?? '', first.sha256);
    expect(Buffer.from(fetched).equals(bytes)).toBe(true);
    expect(Buffer.from(await fetchBlob(server.httpUrl, tokens.rita ?? '', first.sha256)).equals(bytes)).toBe(true);

    const audit = new AuditLog(server.db);
    expect(
      (await audit.query({ event: 'blob-put', document: `blobs/${first.sha256}` })).map((entry) => [entry.user, entry.detail]),
    ).toEqual([
      ['eve', 'already'],
      ['ana', 'new'],
    ]);
    expect(new Set((await audit.query({ event: 'blob-get' })).map((entry) => entry.user))).toEqual(new Set(['reed', 'rita']));
    expect(partialFiles()).toEqual([]);

    const missing = await refusedWith(fetchBlob(server.url, tokens.reed ?? '', sha256(randomBytes(8))));
    expect(missing).toMatchObject({ failure: 'not-found', status: 404 });
    expect((await refusedWith(fetchBlob(server.url, tokens.reed ?? '', 'ABC'))).failure).toBe('bad-hash');
  });

  it('refuses a body that does not match its address, a truncated body and one over the cap, keeping nothing', async () => {
    const bytes = randomBytes(1000);
    const claimed = sha256(randomBytes(1000));
    const wrong = await fetch(`${server.httpUrl}/blobs/${claimed}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${tokens.ana}` },
      body: bytes,
    });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { error: string }).error).toContain(`SHA-256 is ${sha256(bytes)}`);
    expect(existsSync(blobPath(claimed))).toBe(false);
    const notHex = await fetch(`${server.httpUrl}/blobs/not-a-hash`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${tokens.ana}` },
      body: bytes,
    });
    expect(notHex.status).toBe(400);

    // A sender cut off after 400 of 1000 bytes: the part is not kept, even though nobody hears the answer
    // (how much of it the server read before the hang-up depends on timing).
    const whole = randomBytes(1000);
    await cutOffUpload(sha256(whole), whole.length, whole.subarray(0, 400));
    const refusals = (): Promise<AuditEntry[]> => new AuditLog(server.db).query({ event: 'refused', document: `blobs/${sha256(whole)}` });
    await waitForAsync(async () => (await refusals()).length > 0, 'the refusal');
    expect((await refusals())[0]?.detail).toMatch(/^PUT blob: The body ended after \d+ bytes, before it was complete/);
    expect(existsSync(blobPath(sha256(whole)))).toBe(false);
    // A truncated body sent as if whole: its hash is not the address's.
    const truncated = await fetch(`${server.httpUrl}/blobs/${sha256(whole)}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${tokens.ana}` },
      body: whole.subarray(0, 400),
    });
    expect(truncated.status).toBe(422);

    const big = randomBytes(MAX_BLOB_BYTES + 1);
    const declared = await refusedWith(uploadBlob(server.url, tokens.ana ?? '', big));
    expect(declared).toMatchObject({ failure: 'too-large', status: 413 });
    expect(declared.message).toContain(`${MAX_BLOB_BYTES}-byte cap`);
    const streamed = await chunkedUpload(sha256(big), [big.subarray(0, 40_000), big.subarray(40_000)]);
    expect(streamed.status).toBe(413);
    expect(existsSync(blobPath(sha256(big)))).toBe(false);
    expect(partialFiles()).toEqual([]);
  });

  it('refuses uploads from readers and reviewers, and any transfer on an expired or unknown session', async () => {
    const bytes = randomBytes(500);
    for (const name of ['reed', 'rita']) {
      const refused = await refusedWith(uploadBlob(server.url, tokens[name] ?? '', bytes));
      expect(refused).toMatchObject({ failure: 'forbidden', status: 403 });
    }
    expect(existsSync(blobPath(sha256(bytes)))).toBe(false);
    expect((await new AuditLog(server.db).query({ event: 'refused', user: 'reed' }))[0]?.detail).toBe(
      'PUT blob: A reader may not add blobs.',
    );

    const stored = await uploadBlob(server.url, tokens.ana ?? '', bytes);
    const expired = sqliteFileOf(server.db)
      .prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE token_hash = ?")
      .run(sha256(Buffer.from(tokens.eve ?? '')));
    expect(expired.changes).toBe(1);
    const late = await refusedWith(fetchBlob(server.url, tokens.eve ?? '', stored.sha256));
    expect(late).toMatchObject({ failure: 'unauthorized', status: 401 });
    expect(late.message).toContain('The session is expired');
    expect((await refusedWith(uploadBlob(server.url, tokens.eve ?? '', randomBytes(10)))).failure).toBe('unauthorized');
    expect((await refusedWith(fetchBlob(server.url, 'wts_made-up', stored.sha256))).failure).toBe('unauthorized');
  });

  it('will not hand out bytes that no longer match their hash (a damaged store)', async () => {
    const bytes = randomBytes(2000);
    const { sha256: hash } = await uploadBlob(server.url, tokens.ana ?? '', bytes);
    writeFileSync(blobPath(hash), randomBytes(2000));
    const corrupt = await refusedWith(fetchBlob(server.url, tokens.reed ?? '', hash));
    expect(corrupt.failure).toBe('corrupt');
    expect(corrupt.message).toContain('it was not used');
  });
});
