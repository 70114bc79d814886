import { WarrantError } from '../../src/contract/errors';
import type { TrashItem, TrashRef } from '../../src/domain/trash';
import type { SearchIndexer } from '../search-indexer';
import type { StoreContext } from '../store-context';
import type { BriefingRepository } from './briefings';

const TABLES: Readonly<Record<TrashRef['kind'], string>> = {
  source: 'sources',
  quote: 'quotes',
  briefing: 'briefings',
  judgement: 'judgements',
};

/**
 * The trash across record kinds: soft-deleted rows that can be restored or purged. A trashed
 * source takes its quotes along (they are hidden with it and come back with it); a quote
 * trashed on its own is listed on its own.
 */
export class TrashRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly index: SearchIndexer,
    private readonly briefings: BriefingRepository,
  ) {}

  list(): TrashItem[] {
    return this.ctx.db
      .prepare(
        `SELECT 'source' AS kind, s.id, s.title AS label, s.deleted_at AS deletedAt,
           CASE (SELECT count(*) FROM quotes q WHERE q.source_id = s.id AND q.deleted_at IS NULL)
             WHEN 0 THEN '' WHEN 1 THEN 'with 1 quote' ELSE 'with ' || (SELECT count(*) FROM quotes q WHERE q.source_id = s.id AND q.deleted_at IS NULL) || ' quotes' END AS detail
         FROM sources s WHERE s.deleted_at IS NOT NULL
         UNION ALL
         SELECT 'quote', q.id, substr(q.text, 1, 160), q.deleted_at, 'from ' || s.title
         FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.deleted_at IS NOT NULL AND s.deleted_at IS NULL
         UNION ALL
         SELECT 'briefing', b.id, b.title, b.deleted_at, 'briefing' FROM briefings b WHERE b.deleted_at IS NOT NULL
         UNION ALL
         SELECT 'judgement', j.id, CASE WHEN j.statement = '' THEN 'Key judgement without a statement' ELSE substr(j.statement, 1, 160) END, j.deleted_at, 'in ' || b.title
         FROM judgements j JOIN briefings b ON b.id = j.briefing_id WHERE j.deleted_at IS NOT NULL AND b.deleted_at IS NULL
         ORDER BY deletedAt DESC, id`,
      )
      .all() as TrashItem[];
  }

  restore(ref: TrashRef): void {
    this.ctx.db.transaction(() => {
      if (ref.kind === 'quote') {
        const sourceGone = this.ctx.db
          .prepare('SELECT 1 FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ? AND s.deleted_at IS NOT NULL')
          .get(ref.id);
        if (sourceGone) throw new WarrantError('invalid_input', 'Restore the quote’s source first: the quote is in the trash with it.');
      }
      if (ref.kind === 'judgement') {
        const briefingGone = this.ctx.db
          .prepare('SELECT 1 FROM judgements j JOIN briefings b ON b.id = j.briefing_id WHERE j.id = ? AND b.deleted_at IS NOT NULL')
          .get(ref.id);
        if (briefingGone)
          throw new WarrantError('invalid_input', 'Restore the judgement’s briefing first: the judgement is in the trash with it.');
      }
      const result = this.ctx.db
        .prepare(`UPDATE ${TABLES[ref.kind]} SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`)
        .run(ref.id);
      if (result.changes === 0) throw new WarrantError('not_found', 'That item is no longer in the trash.');
      if (ref.kind === 'source') this.index.reindexSource(ref.id);
      else if (ref.kind === 'quote') this.index.reindexQuote(ref.id);
      else if (ref.kind === 'briefing') this.briefings.reindex(ref.id);
    })();
    this.ctx.afterWrite();
  }

  /** Deletes everything in the trash for good (a source's quotes and snapshot with it); returns how many items went. */
  empty(): number {
    let removed = 0;
    this.ctx.db.transaction(() => {
      removed += this.ctx.db.prepare('DELETE FROM judgements WHERE deleted_at IS NOT NULL').run().changes;
      removed += this.ctx.db.prepare('DELETE FROM quotes WHERE deleted_at IS NOT NULL').run().changes;
      removed += this.ctx.db.prepare('DELETE FROM sources WHERE deleted_at IS NOT NULL').run().changes;
      removed += this.ctx.db.prepare('DELETE FROM briefings WHERE deleted_at IS NOT NULL').run().changes;
    })();
    this.ctx.afterWrite();
    return removed;
  }
}
