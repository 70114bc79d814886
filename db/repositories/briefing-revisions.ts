import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import type { Revision, RevisionKind, RevisionSummary } from '../../src/domain/briefing';
import type { StoreContext } from '../store-context';
import { parseCaptured, type JudgementCapture } from './judgement-capture';
import { refuseStaleWrite } from './stale-write';

interface RevisionRow {
  id: string;
  briefing_id: string;
  kind: RevisionKind;
  name: string;
  status: Revision['status'];
  word_count: number;
  created_at: string;
  body: string;
  body_text: string;
  judgements: string | null;
}

function toSummary(row: RevisionRow): RevisionSummary {
  return { id: row.id, kind: row.kind, name: row.name, status: row.status, wordCount: row.word_count, createdAt: row.created_at };
}

/** Snapshots of a briefing's body: automatic, on status change, named, and restores. */
export class BriefingRevisionRepository {
  constructor(
    private readonly ctx: StoreContext,
    /** Keeps the briefing's judgements with each revision and puts them back on restore. */
    private readonly judgements: JudgementCapture | null = null,
    /** Runs after a restore replaced the body (inside its transaction): derived indexes follow. */
    private readonly bodyChanged: ((briefingId: string) => void) | null = null,
  ) {}

  /** Copies the briefing's current text into a revision (inside the caller's transaction, if any). */
  record(briefingId: string, kind: RevisionKind, name: string): string {
    const id = randomUUID();
    const result = this.ctx.db
      .prepare(
        `INSERT INTO briefing_revisions (id, briefing_id, kind, name, status, body, body_text, word_count, created_at)
         SELECT ?, id, ?, ?, status, body, body_text, word_count, ? FROM briefings WHERE id = ? AND deleted_at IS NULL`,
      )
      .run(id, kind, name, this.ctx.now(), briefingId);
    if (result.changes === 0) throw new WarrantError('not_found', 'That briefing no longer exists.');
    if (this.judgements)
      this.ctx.db
        .prepare('UPDATE briefing_revisions SET judgements = ? WHERE id = ?')
        .run(JSON.stringify(this.judgements.capture(briefingId)), id);
    return id;
  }

  lastAt(briefingId: string): string | null {
    return (
      (this.ctx.db.prepare('SELECT max(created_at) FROM briefing_revisions WHERE briefing_id = ?').pluck().get(briefingId) as
        string | null) ?? null
    );
  }

  /**
   * Keeps text that is not the briefing's current body (an editor's unsaved text that lost a
   * conflict) as a named revision, leaving the body untouched. The judgements kept with it are
   * the stored ones: the text's own judgement blocks point at those records.
   */
  keepText(briefingId: string, name: string, text: { body: string; bodyText: string; wordCount: number }): RevisionSummary {
    const id = this.ctx.db.transaction(() => {
      const recorded = this.record(briefingId, 'named', name);
      this.ctx.db
        .prepare('UPDATE briefing_revisions SET body = ?, body_text = ?, word_count = ? WHERE id = ?')
        .run(text.body, text.bodyText, text.wordCount, recorded);
      return recorded;
    })();
    this.ctx.afterWrite();
    return toSummary(this.row(id));
  }

  /** A named revision, taken on demand. */
  snapshot(briefingId: string, name: string): RevisionSummary {
    const id = this.ctx.db.transaction(() => this.record(briefingId, 'named', name))();
    this.ctx.afterWrite();
    return toSummary(this.row(id));
  }

  list(briefingId: string): RevisionSummary[] {
    return (
      this.ctx.db.prepare('SELECT * FROM briefing_revisions WHERE briefing_id = ? ORDER BY num DESC').all(briefingId) as RevisionRow[]
    ).map(toSummary);
  }

  get(id: string): Revision {
    const row = this.row(id);
    return { ...toSummary(row), body: row.body, bodyText: row.body_text };
  }

  /**
   * Makes a revision's text current again. The text being replaced is kept first (so nothing
   * is lost), and the restore itself is recorded as a new revision. A `baseVersion` other than
   * the body's stored version is refused as a conflict, writing nothing.
   */
  restore(id: string, baseVersion?: number, storedBriefing: (briefingId: string) => unknown = () => undefined): { briefingId: string } {
    const row = this.row(id);
    this.ctx.db.transaction(() => {
      const stored = this.ctx.db
        .prepare('SELECT version FROM briefings WHERE id = ? AND deleted_at IS NULL')
        .pluck()
        .get(row.briefing_id) as number | undefined;
      if (stored === undefined) throw new WarrantError('not_found', 'That briefing no longer exists.');
      refuseStaleWrite(
        baseVersion,
        stored,
        () => storedBriefing(row.briefing_id),
        'This briefing was saved in another tab or window since you opened it; reload it before restoring a revision.',
      );
      this.record(row.briefing_id, 'auto', 'Before restoring');
      this.ctx.db
        .prepare(
          'UPDATE briefings SET body = ?, body_text = ?, word_count = ?, version = version + 1, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
        )
        .run(row.body, row.body_text, row.word_count, this.ctx.now(), row.briefing_id);
      const captured = parseCaptured(row.judgements);
      const restoredFrom = `Restored from ${row.name || row.created_at}`;
      if (captured && this.judgements) this.judgements.restore(row.briefing_id, captured, restoredFrom);
      this.bodyChanged?.(row.briefing_id);
      this.record(row.briefing_id, 'restore', restoredFrom);
    })();
    this.ctx.afterWrite();
    return { briefingId: row.briefing_id };
  }

  /** The judgements a revision kept (null: it predates judgements). */
  judgementsOf(id: string): ReturnType<typeof parseCaptured> {
    return parseCaptured(this.row(id).judgements);
  }

  private row(id: string): RevisionRow {
    const row = this.ctx.db.prepare('SELECT * FROM briefing_revisions WHERE id = ?').get(id) as RevisionRow | undefined;
    if (!row) throw new WarrantError('not_found', 'That revision does not exist.');
    return row;
  }
}
