import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { SnapshotHashCheck } from '../src/domain/snapshot';

/** Hashing runs in slices this big, yielding between them, so a 25 MB snapshot never stalls a save. */
const SLICE_BYTES = 1024 * 1024;

interface CheckResult {
  /** The hash recorded at capture, which the result is about. */
  readonly recorded: string;
  readonly found: string;
  readonly checkedAt: string;
}

interface StoredSnapshot {
  sha256: string;
  content: Buffer;
}

const UNCHECKED: SnapshotHashCheck = { state: 'unchecked', checkedAt: null, foundSha256: null };

function pause(ms: number): Promise<void> {
  // Unref'd: a short-lived command (the CLI) exits without waiting for the background check.
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Re-checks snapshots against the SHA-256 recorded at capture. The trigger that refuses updates
 * stops Warrant, not someone editing the file's bytes, so the hash is recomputed from the stored
 * bytes: in the background after open, on demand when a source is shown, and always before an
 * export. Results live with the open workspace, not in the file: a result stored in the file
 * could be forged along with the bytes, so every open starts unchecked.
 */
export class SnapshotIntegrity {
  private readonly results = new Map<string, CheckResult>();
  private stopped = false;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** Recomputes one capture's hash now (results are kept by capture id). Null when there is no such capture. */
  check(snapshotId: string): SnapshotHashCheck | null {
    const stored = this.stored(snapshotId);
    if (!stored) {
      this.results.delete(snapshotId);
      return null;
    }
    this.remember(snapshotId, stored.sha256, createHash('sha256').update(stored.content).digest('hex'));
    return this.stateOf(snapshotId, stored.sha256);
  }

  /** Like {@link check}, but only when this snapshot has not been checked since the workspace opened. */
  checkIfUnchecked(snapshotId: string, recorded: string): SnapshotHashCheck {
    const known = this.stateOf(snapshotId, recorded);
    return known.state === 'unchecked' ? (this.check(snapshotId) ?? UNCHECKED) : known;
  }

  /** The last check of the snapshot whose recorded hash is `recorded` ("unchecked" until one ran). */
  stateOf(snapshotId: string, recorded: string): SnapshotHashCheck {
    const result = this.results.get(snapshotId);
    if (!result || result.recorded !== recorded) return UNCHECKED;
    return { state: result.found === recorded ? 'matches' : 'mismatch', checkedAt: result.checkedAt, foundSha256: result.found };
  }

  /** True when a check found the capture's bytes no longer match their recorded hash. */
  isAltered(snapshotId: string): boolean {
    const result = this.results.get(snapshotId);
    return result !== undefined && result.found !== result.recorded;
  }

  /** Records a hash Warrant computed itself from the bytes it stored (at capture). */
  remember(snapshotId: string, recorded: string, found: string): void {
    this.results.set(snapshotId, { recorded, found, checkedAt: this.now() });
  }

  /** A capture was removed: what was known about it no longer applies. */
  forget(snapshotId: string): void {
    this.results.delete(snapshotId);
  }

  /**
   * Checks every snapshot after `delayMs`, one at a time and in slices, yielding to other work
   * between them; stops when the workspace closes. Resolves with the number found altered. A
   * failure (e.g. the file vanished) ends the run quietly: those snapshots stay "unchecked", and
   * an export checks them again anyway.
   */
  async checkAllInBackground(delayMs: number): Promise<number> {
    await pause(delayMs);
    let altered = 0;
    try {
      if (this.stopped) return 0;
      const ids = this.db.prepare('SELECT id FROM snapshots ORDER BY num').pluck().all() as string[];
      for (const id of ids) {
        if (this.stopped) break;
        const stored = this.stored(id);
        if (!stored) continue;
        const hash = createHash('sha256');
        for (let offset = 0; offset < stored.content.byteLength; offset += SLICE_BYTES) {
          hash.update(stored.content.subarray(offset, offset + SLICE_BYTES));
          await pause(0);
          if (this.stopped) return altered;
        }
        // A snapshot removed or replaced meanwhile is not the one just hashed.
        if (this.db.prepare('SELECT sha256 FROM snapshots WHERE id = ?').pluck().get(id) !== stored.sha256) continue;
        this.remember(id, stored.sha256, hash.digest('hex'));
        if (this.isAltered(id)) altered += 1;
      }
    } catch {
      return altered;
    }
    return altered;
  }

  stop(): void {
    this.stopped = true;
  }

  private stored(snapshotId: string): StoredSnapshot | undefined {
    return this.db.prepare('SELECT sha256, content FROM snapshots WHERE id = ?').get(snapshotId) as StoredSnapshot | undefined;
  }
}
