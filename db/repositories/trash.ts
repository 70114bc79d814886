import { WarrantError } from '../../src/contract/errors';
import type { TrashItem, TrashRef } from '../../src/domain/trash';
import type { StoreContext } from '../store-context';

/** The trash across record kinds: soft-deleted rows that can be restored or purged. */
export class TrashRepository {
  constructor(private readonly ctx: StoreContext) {}

  list(): TrashItem[] {
    const rows = this.ctx.db
      .prepare("SELECT 'source' AS kind, id, title AS label, deleted_at AS deletedAt FROM sources WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id")
      .all() as TrashItem[];
    return rows;
  }

  restore(ref: TrashRef): void {
    const result = this.ctx.db.prepare('UPDATE sources SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(ref.id);
    if (result.changes === 0) throw new WarrantError('not_found', 'That item is no longer in the trash.');
    this.ctx.afterWrite();
  }

  /** Deletes everything in the trash for good; returns how many records went. */
  empty(): number {
    const removed = this.ctx.db.prepare('DELETE FROM sources WHERE deleted_at IS NOT NULL').run().changes;
    this.ctx.afterWrite();
    return removed;
  }
}
