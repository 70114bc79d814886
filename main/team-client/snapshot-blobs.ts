// A capture's bytes between team workbenches: the library documents name each capture by its
// SHA-256, and the bytes travel through the team server's blob store, uploaded by the workbench
// that has them and fetched (verified against the hash) by every workbench that has not.
import type { Workspace } from '../../db/workspace';
import type { CaptureReading } from '../../db/repositories/library-projection';
import type { JobControl } from '../../src/contract/job-manager';
import { OcrLanguageSchema, type OcrLanguage } from '../../src/snapshot/ocr';
import type { LibraryRecord } from '../../src/team/library-document';
import { toCodePointOffset } from '../../src/text/code-points';
import { fetchBlob, uploadBlob } from './blob-transfer';
import type { CaptureBytes } from './team-library';

export interface SnapshotBlobsOptions {
  serverUrl: string;
  token: string;
  workspace: () => Workspace;
  /** Ids of the captures the library documents hold: only those are uploaded (a capture not shared stays here). */
  sharedCaptures: () => Iterable<string>;
  /** A capture was stored here: the quotes cut from it can have it now. */
  arrived: (snapshotId: string) => void;
  /** Readers and reviewers may not add blobs (the server refuses them). */
  mayUpload: boolean;
}

/** How long a failed pass waits before trying again at most (a "connected" status retries at once). */
const RETRY_CEILING_MS = 30_000;

/** A job control for reading received bytes: nobody watches its progress or can cancel it. */
const UNWATCHED: JobControl = { progress: () => undefined, cancelled: false, throwIfCancelled: () => undefined };

export class SnapshotBlobs implements CaptureBytes {
  /** Captures named by the documents whose bytes are not here yet, by id. */
  private readonly wanted = new Map<string, LibraryRecord>();
  /**
   * Hashes the server holds as far as this session knows (uploaded or fetched). The server has no
   * "do you hold it" question, so after a restart each shared capture goes up once more: PUT is
   * idempotent and costs the bytes, never a duplicate.
   */
  private readonly onServer = new Set<string>();
  /** Captures whose bytes could not be read here, with why (kept so one bad file does not retry for ever). */
  readonly unreadable = new Map<string, string>();
  private running: Promise<void> | null = null;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelayMs = 500;
  private closed = false;

  constructor(private readonly options: SnapshotBlobsOptions) {}

  missing(id: string, record: LibraryRecord): void {
    if (this.unreadable.has(id)) return;
    this.wanted.set(id, record);
    this.kick();
  }

  published(): void {
    this.kick();
  }

  /** The hub is connected again: whatever failed offline is tried now. */
  connected(): void {
    this.retryDelayMs = 500;
    this.kick();
  }

  /** Settles once no pass is running (tests and close). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.running = this.pass().then((complete) => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      } else if (!complete && !this.closed) {
        // Offline, or the uploader's bytes have not reached the server yet: try again later.
        this.retryTimer = setTimeout(() => this.kick(), this.retryDelayMs);
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_CEILING_MS);
      }
    });
  }

  /** Uploads what the server may lack, then fetches what is missing here; false when something is left to retry. */
  private async pass(): Promise<boolean> {
    let complete = true;
    try {
      if (this.options.mayUpload) complete = (await this.upload()) && complete;
      complete = (await this.download()) && complete;
    } catch {
      // The workspace was closed or switched meanwhile: the next binding starts afresh.
      return true;
    }
    return complete;
  }

  private async upload(): Promise<boolean> {
    const workspace = this.options.workspace();
    for (const id of [...this.options.sharedCaptures()]) {
      const row = workspace.libraryProjection.read('snapshots', id);
      if (row === null || this.onServer.has(String(row.sha256))) continue;
      const { bytes } = workspace.snapshots.content(String(row.source_id), id);
      try {
        await uploadBlob(this.options.serverUrl, this.options.token, bytes);
        this.onServer.add(String(row.sha256));
      } catch {
        return false;
      }
    }
    return true;
  }

  private async download(): Promise<boolean> {
    let complete = true;
    for (const [id, record] of [...this.wanted]) {
      if (this.closed) return true;
      const workspace = this.options.workspace();
      if (workspace.libraryProjection.read('snapshots', id) !== null) {
        this.wanted.delete(id);
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await fetchBlob(this.options.serverUrl, this.options.token, String(record.sha256));
      } catch {
        complete = false;
        continue;
      }
      let reading: CaptureReading;
      try {
        reading = await readCapture(bytes, record);
      } catch (error) {
        this.wanted.delete(id);
        this.unreadable.set(id, error instanceof Error ? error.message : String(error));
        continue;
      }
      this.onServer.add(String(record.sha256));
      if (this.options.workspace().libraryProjection.receiveCapture(id, record, bytes, reading)) {
        this.wanted.delete(id);
        this.options.arrived(id);
      } else if (this.options.workspace().libraryProjection.read('snapshots', id) !== null) this.wanted.delete(id);
      // Otherwise its source has not arrived: kept for the next pass.
      else complete = false;
    }
    return complete;
  }
}

/**
 * Reads received bytes with the same pipeline a capture made here goes through, in the language
 * the capture was read in (its OCR facts say which), so quotes' offsets point at the same text.
 */
async function readCapture(bytes: Uint8Array, record: LibraryRecord): Promise<CaptureReading> {
  const fileName = String(record.file_name);
  const { extractSnapshot } = await import('../snapshot/extract');
  const pageId =
    record.archive_format === 'warc' || record.archive_format === 'wacz' ? await archivedPageId(bytes, fileName, record) : undefined;
  const extracted = await extractSnapshot(bytes, fileName, { pageId, reading: { language: ocrLanguageOf(record), control: UNWATCHED } });
  return {
    text: extracted.text,
    pageOffsets: extracted.pageOffsets?.map((offset) => toCodePointOffset(extracted.text, offset)) ?? null,
    images: extracted.images,
  };
}

/** The page of a WARC or WACZ the capture kept: the one at its archived address. */
async function archivedPageId(bytes: Uint8Array, fileName: string, record: LibraryRecord): Promise<string | undefined> {
  const { listArchivePages } = await import('../snapshot/archive');
  const { pages } = await listArchivePages(bytes, fileName);
  return pages.find((page) => page.url === record.archived_url)?.pageId;
}

function ocrLanguageOf(record: LibraryRecord): OcrLanguage {
  if (typeof record.ocr !== 'string') return 'eng';
  try {
    const { languages } = JSON.parse(record.ocr) as { languages?: unknown };
    const first = OcrLanguageSchema.safeParse(Array.isArray(languages) ? languages[0] : undefined);
    return first.success ? first.data : 'eng';
  } catch {
    return 'eng';
  }
}
