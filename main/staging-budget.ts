import { WarrantError } from '../src/contract/warrant-error';

/** How much a store of waiting items may hold at once. */
export interface StagingLimits {
  readonly maxBytes: number;
  readonly maxCount: number;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Items that wait for a later step (uploads until a job takes them, import previews until the
 * user decides) each expire on their own, but nothing bounded how many could wait at once: a
 * page could fill the disk or memory within one expiry period. This keeps a total size and a
 * count, oldest first; admitting a new item drops the oldest ones until it fits.
 */
export class StagingBudget {
  /** Ids in arrival order with their sizes (a Map iterates in insertion order). */
  private readonly sizes = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly limits: StagingLimits,
    /** Removes a dropped item from its store (it calls {@link release} itself or not: either is fine). */
    private readonly drop: (id: string) => void,
    /** What the items are, for the error message: "upload", "import preview". */
    private readonly what: string,
  ) {}

  /** Makes room for an item of `bytes`, dropping the oldest, and counts it. Refuses one that alone is over the budget. */
  admit(id: string, bytes: number): void {
    if (bytes > this.limits.maxBytes) {
      throw new WarrantError(
        'invalid_input',
        `That ${this.what} is too large to hold (${megabytes(bytes)}; at most ${megabytes(this.limits.maxBytes)} of them can wait at once). Nothing was kept.`,
      );
    }
    while (this.sizes.size > 0 && (this.sizes.size >= this.limits.maxCount || this.total + bytes > this.limits.maxBytes)) {
      const oldest = this.sizes.keys().next().value as string;
      this.release(oldest);
      this.drop(oldest);
    }
    this.sizes.set(id, bytes);
    this.total += bytes;
  }

  /** The item left (taken, discarded or expired). Unknown ids are ignored. */
  release(id: string): void {
    const size = this.sizes.get(id);
    if (size === undefined) return;
    this.sizes.delete(id);
    this.total -= size;
  }

  get usage(): { bytes: number; count: number } {
    return { bytes: this.total, count: this.sizes.size };
  }
}
