import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WarrantError } from '../src/contract/errors';

interface Entry {
  path: string;
  name: string;
}

const UPLOAD_TTL_MS = 10 * 60 * 1000;

/**
 * Bytes the renderer handed over (a picked or dropped file) until a job consumes them. The
 * renderer never names a path: it gets an id, and the job takes the bytes by that id, once.
 */
export class UploadStore {
  private readonly dir = mkdtempSync(join(tmpdir(), 'warrant-uploads-'));
  private readonly entries = new Map<string, Entry>();

  put(bytes: Uint8Array, name: string): string {
    const uploadId = randomBytes(18).toString('base64url');
    const path = join(this.dir, uploadId);
    writeFileSync(path, bytes, { mode: 0o600 });
    // The mode above is filtered by the umask; the evidence stays private to its owner regardless.
    chmodSync(path, 0o600);
    this.entries.set(uploadId, { path, name: name.slice(0, 255) || 'file' });
    setTimeout(() => this.discard(uploadId), UPLOAD_TTL_MS).unref();
    return uploadId;
  }

  /** The bytes and file name of an upload; it is removed once taken. */
  take(uploadId: string): { bytes: Uint8Array; name: string } {
    const entry = this.entries.get(uploadId);
    if (!entry) throw new WarrantError('not_found', 'That file is no longer waiting to be captured; pick it again.');
    const bytes = new Uint8Array(readFileSync(entry.path));
    this.discard(uploadId);
    return { bytes, name: entry.name };
  }

  discard(uploadId: string): void {
    const entry = this.entries.get(uploadId);
    if (!entry) return;
    this.entries.delete(uploadId);
    rmSync(entry.path, { force: true });
  }

  dispose(): void {
    this.entries.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
