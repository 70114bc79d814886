import { WarrantError } from '../../src/contract/errors';
import type { SourceLink } from '../../src/domain/source';
import type { StoreContext } from '../store-context';

/**
 * "Reports on / is derived from" links between sources. A story based on a speech is not an
 * independent source: the judgements count independent sources through these links.
 */
export class DerivationRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** What `sourceId` is derived from, and what is derived from it. */
  linksOf(sourceId: string): { derivedFrom: SourceLink[]; reportedBy: SourceLink[] } {
    const query = (where: string, other: string) =>
      this.ctx.db
        .prepare(
          `SELECT s.id, s.title, s.reliability FROM source_derivations d JOIN sources s ON s.id = d.${other} WHERE d.${where} = ? AND s.deleted_at IS NULL ORDER BY s.title COLLATE NOCASE`,
        )
        .all(sourceId) as SourceLink[];
    return { derivedFrom: query('source_id', 'origin_id'), reportedBy: query('origin_id', 'source_id') };
  }

  link(sourceId: string, originId: string): void {
    if (sourceId === originId)
      throw new WarrantError('invalid_input', 'A source cannot be derived from itself.', {
        fields: { originId: 'Choose another source.' },
      });
    const live = this.ctx.db
      .prepare('SELECT count(*) FROM sources WHERE id IN (?, ?) AND deleted_at IS NULL')
      .pluck()
      .get(sourceId, originId) as number;
    if (live !== 2) throw new WarrantError('not_found', 'One of these sources no longer exists.');
    if (this.reaches(originId, sourceId)) {
      throw new WarrantError('invalid_input', 'That link would make a loop: the other source is already derived from this one.', {
        fields: { originId: 'This would make a reporting loop.' },
      });
    }
    this.ctx.db
      .prepare('INSERT OR IGNORE INTO source_derivations (source_id, origin_id, created_at) VALUES (?, ?, ?)')
      .run(sourceId, originId, this.ctx.now());
    this.ctx.afterWrite();
  }

  unlink(sourceId: string, originId: string): void {
    this.ctx.db.prepare('DELETE FROM source_derivations WHERE source_id = ? AND origin_id = ?').run(sourceId, originId);
    this.ctx.afterWrite();
  }

  /** True when `from` is (transitively) derived from `to`. */
  private reaches(from: string, to: string): boolean {
    const row = this.ctx.db
      .prepare(
        `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT d.origin_id FROM source_derivations d JOIN up ON d.source_id = up.id)
         SELECT 1 FROM up WHERE id = ? LIMIT 1`,
      )
      .get(from, to);
    return row !== undefined;
  }
}
