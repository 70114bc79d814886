import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WireResult } from '../src/contract/errors';
import { WarrantError } from '../src/contract/warrant-error';
import { StagingBudget, type StagingLimits } from './staging-budget';

interface Entry {
  path: string;
  name: string;
}

const UPLOAD_TTL_MS = 10 * 60 * 1000;
/** Four 25 MB files, or many small ones: far more than one window picks before a job takes them. */
export const UPLOAD_LIMITS: StagingLimits = { maxBytes: 100 * 1024 * 1024, maxCount: 32 };

/**
 * Bytes the renderer handed over (a picked or dropped file) until a job consumes them. The
 * renderer never names a path: it gets an id, and the job takes the bytes by that id, once.
 */
export class UploadStore {
  private readonly dir = mkdtempSync(join(tmpdir(), 'warrant-uploads-'));
  private readonly entries = new Map<string, Entry>();
  /** Oldest uploads are dropped first when the total or the count would pass the limits. */
  private readonly budget: StagingBudget;

  constructor(limits: StagingLimits = UPLOAD_LIMITS) {
    this.budget = new StagingBudget(limits, (uploadId) => this.discard(uploadId), 'upload');
  }

  put(bytes: Uint8Array, name: string): string {
    const uploadId = randomBytes(18).toString('base64url');
    this.budget.admit(uploadId, bytes.byteLength);
    const path = join(this.dir, uploadId);
    try {
      writeFileSync(path, bytes, { mode: 0o600 });
      // The mode above is filtered by the umask; the evidence stays private to its owner regardless.
      chmodSync(path, 0o600);
    } catch (error) {
      this.budget.release(uploadId);
      rmSync(path, { force: true });
      throw error;
    }
    this.entries.set(uploadId, { path, name: name.slice(0, 255) || 'file' });
    setTimeout(() => this.discard(uploadId), UPLOAD_TTL_MS).unref();
    return uploadId;
  }

  /** {@link put} as both transports answer it: the id, or the refusal as a typed error. */
  putResult(bytes: Uint8Array, name: string): WireResult<{ uploadId: string }> {
    try {
      return { ok: true, value: { uploadId: this.put(bytes, name) } };
    } catch (error) {
      if (error instanceof WarrantError) return { ok: false, error: error.toPayload() };
      throw error;
    }
  }

  /** The bytes and file name of an upload; it is removed once taken. */
  take(uploadId: string): { bytes: Uint8Array; name: string } {
    const entry = this.entries.get(uploadId);
    if (!entry) throw new WarrantError('not_found', 'That file is no longer waiting to be captured; pick it again.');
    const bytes = new Uint8Array(readFileSync(entry.path));
    this.discard(uploadId);
    return { bytes, name: entry.name };
  }

  /** The bytes and file name of an upload, left waiting (to look inside before a job takes it). */
  peek(uploadId: string): { bytes: Uint8Array; name: string } {
    const entry = this.entries.get(uploadId);
    if (!entry) throw new WarrantError('not_found', 'That file is no longer waiting to be captured; pick it again.');
    return { bytes: new Uint8Array(readFileSync(entry.path)), name: entry.name };
  }

  discard(uploadId: string): void {
    const entry = this.entries.get(uploadId);
    this.budget.release(uploadId);
    if (!entry) return;
    this.entries.delete(uploadId);
    rmSync(entry.path, { force: true });
  }

  /** How many uploads wait, and their total size. */
  get usage(): { bytes: number; count: number } {
    return this.budget.usage;
  }

  dispose(): void {
    this.entries.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
