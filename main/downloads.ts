import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileRef } from '../src/contract/file-ref';

interface Entry {
  ref: FileRef;
  path: string;
}

/** How long an unfetched download is kept before it is removed. */
const DOWNLOAD_TTL_MS = 10 * 60 * 1000;

/**
 * Files the browser host has produced for the renderer to fetch once, kept in a private
 * temporary folder that is removed when the host stops.
 */
export class DownloadStore {
  private readonly dir = mkdtempSync(join(tmpdir(), 'warrant-downloads-'));
  private readonly entries = new Map<string, Entry>();

  /** A fresh path to write a file to, and the id it will be fetched by. */
  reserve(): { fileId: string; path: string } {
    const fileId = randomBytes(18).toString('base64url');
    return { fileId, path: join(this.dir, fileId) };
  }

  /** Makes a written file fetchable. */
  publish(fileId: string, name: string, mediaType: string): FileRef {
    const path = join(this.dir, fileId);
    const ref: FileRef = { fileId, name, mediaType, size: statSync(path).size };
    this.entries.set(fileId, { ref, path });
    setTimeout(() => this.discard(fileId), DOWNLOAD_TTL_MS).unref();
    return ref;
  }

  get(fileId: string): Entry | undefined {
    return this.entries.get(fileId);
  }

  /**
   * Hands a download to one request: it leaves the list at once, so a second request (even one
   * arriving while the first is still being sent) is refused. The file stays until `finish`.
   */
  claim(fileId: string): Entry | undefined {
    const entry = this.entries.get(fileId);
    if (entry) this.entries.delete(fileId);
    return entry;
  }

  /** Ends a claimed download: sent in full, its file goes; broken off, it can be fetched again. */
  finish(fileId: string, entry: Entry, delivered: boolean): void {
    if (delivered) rmSync(entry.path, { force: true });
    else this.entries.set(fileId, entry);
  }

  discard(fileId: string): void {
    const entry = this.entries.get(fileId);
    if (!entry) return;
    this.entries.delete(fileId);
    rmSync(entry.path, { force: true });
  }

  dispose(): void {
    this.entries.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
