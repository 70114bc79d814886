// The team server's content-addressed blob store: snapshot and image bytes, named by their
// SHA-256 and kept as DIR/blobs/<first two hex digits>/<hash>. A blob is written to a temporary
// file while its hash is computed, flushed, and renamed into place only when the hash matches the
// name it was sent under, so a reader never sees a partial or wrong blob, even after a crash.
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { isBlobHash } from '../../src/team/permissions';

export const BLOBS_FOLDER = 'blobs';

/** Why a blob was not kept, each mapped to an HTTP status by the route. */
export type BlobRefusal =
  { kind: 'too-large'; limit: number } | { kind: 'hash-mismatch'; actual: string; bytes: number } | { kind: 'incomplete'; bytes: number };

export type BlobPutResult = { kept: 'new' | 'already'; bytes: number } | { refused: BlobRefusal };

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class BlobStore {
  private readonly root: string;
  private readonly partial: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, BLOBS_FOLDER);
    this.partial = join(this.root, 'partial');
  }

  private pathOf(hash: string): string {
    return join(this.root, hash.slice(0, 2), hash);
  }

  /** The stored size of a blob, or null when the store does not hold it. */
  async size(hash: string): Promise<number | null> {
    if (!isBlobHash(hash)) return null;
    try {
      return (await stat(this.pathOf(hash))).size;
    } catch {
      return null;
    }
  }

  /** The blob's bytes as a stream, or null when the store does not hold it. */
  async read(hash: string): Promise<{ stream: ReadStream; bytes: number } | null> {
    const bytes = await this.size(hash);
    return bytes === null ? null : { stream: createReadStream(this.pathOf(hash)), bytes };
  }

  /**
   * Keeps `body` as blob `hash` if it hashes to `hash` and stays within `maxBytes`. `complete`
   * tells whether the sender finished the body (an HTTP request that ended rather than aborted).
   */
  async put(hash: string, body: Readable, maxBytes: number, complete: () => boolean): Promise<BlobPutResult> {
    if (!isBlobHash(hash)) throw new Error(`Not a SHA-256 in lowercase hex: “${hash}”.`);
    const existing = await this.size(hash);
    if (existing !== null) {
      body.resume();
      return { kept: 'already', bytes: existing };
    }
    await mkdir(this.partial, { recursive: true, mode: 0o700 });
    const temporary = join(this.partial, `${hash}.${randomBytes(6).toString('hex')}`);
    const digest = createHash('sha256');
    const file = createWriteStream(temporary, { mode: 0o600 });
    let bytes = 0;
    let overLimit = false;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          overLimit = true;
          break;
        }
        digest.update(chunk);
        if (!file.write(chunk)) await once(file, 'drain');
      }
    } catch {
      // The sender went away mid-body; judged below as incomplete.
    }
    await new Promise<void>((closed, failed) => file.end((error?: Error | null) => (error ? failed(error) : closed())));
    const refusal = ((): BlobRefusal | null => {
      if (overLimit) return { kind: 'too-large', limit: maxBytes };
      if (!complete()) return { kind: 'incomplete', bytes };
      const actual = digest.digest('hex');
      return actual === hash ? null : { kind: 'hash-mismatch', actual, bytes };
    })();
    if (refusal) {
      await unlink(temporary).catch(() => undefined);
      return { refused: refusal };
    }
    await fsyncPath(temporary);
    const target = this.pathOf(hash);
    await mkdir(join(this.root, hash.slice(0, 2)), { recursive: true, mode: 0o700 });
    await rename(temporary, target);
    await fsyncPath(join(this.root, hash.slice(0, 2)));
    return { kept: 'new', bytes };
  }
}
