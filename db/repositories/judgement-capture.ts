import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CapturedJudgementSchema, type CapturedJudgement } from '../../src/domain/judgement';
import type { StoreContext } from '../store-context';
import type { JudgementChangeRepository } from './judgement-changes';
import { fieldChanges, type JudgementRow } from './judgements';
import type { MatrixCitationRepository } from './matrix-citations';

const CapturedListSchema = z.array(CapturedJudgementSchema);

interface LinkRow {
  id: string;
  target_kind: 'quote' | 'source';
  target_id: string;
  stance: CapturedJudgement['links'][number]['stance'];
  note: string;
  created_at: string;
}

/** Parses a revision's stored judgements; null when the revision predates them or the JSON is damaged. */
export function parseCaptured(json: string | null): CapturedJudgement[] | null {
  if (json === null) return null;
  try {
    const parsed = CapturedListSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A briefing's judgements and evidence links as revisions keep them, and putting them back:
 * restoring a revision restores its judgements with their ids, so the blocks of the restored
 * text find their records again.
 */
export class JudgementCapture {
  constructor(
    private readonly ctx: StoreContext,
    private readonly changes: JudgementChangeRepository,
    private readonly analyst: () => string,
    private readonly matrixCitations: MatrixCitationRepository,
  ) {}

  capture(briefingId: string): CapturedJudgement[] {
    const rows = this.ctx.db
      .prepare('SELECT * FROM judgements WHERE briefing_id = ? AND deleted_at IS NULL ORDER BY position, num')
      .all(briefingId) as JudgementRow[];
    const links = this.ctx.db.prepare(
      'SELECT id, target_kind, target_id, stance, note, created_at FROM evidence_links WHERE judgement_id = ? ORDER BY num',
    );
    return rows.map((row) => ({
      id: row.id,
      position: row.position,
      statement: row.statement,
      likelihood: row.likelihood,
      confidence: row.confidence,
      rationale: row.rationale,
      createdAt: row.created_at,
      matrixCitation: this.matrixCitations.targetOf(row.id),
      links: (links.all(row.id) as LinkRow[]).map((link) => ({
        id: link.id,
        kind: link.target_kind,
        targetId: link.target_id,
        stance: link.stance,
        note: link.note,
        createdAt: link.created_at,
      })),
    }));
  }

  /**
   * Makes `captured` the briefing's judgements (inside the caller's transaction). Judgements live
   * now but not in the revision go to the trash, so nothing is lost; field changes are logged
   * as an entry of their own, named by `note` ("Restored from …").
   */
  restore(briefingId: string, captured: readonly CapturedJudgement[], note = 'Restored from a revision'): void {
    const now = this.ctx.now();
    const keep = new Set(captured.map((judgement) => judgement.id));
    const live = this.ctx.db
      .prepare('SELECT id FROM judgements WHERE briefing_id = ? AND deleted_at IS NULL')
      .pluck()
      .all(briefingId) as string[];
    const trash = this.ctx.db.prepare('UPDATE judgements SET deleted_at = ? WHERE id = ?');
    for (const id of live) if (!keep.has(id)) trash.run(now, id);
    const existing = this.ctx.db.prepare('SELECT * FROM judgements WHERE id = ? AND briefing_id = ?');
    const update = this.ctx.db.prepare(
      'UPDATE judgements SET position = ?, statement = ?, likelihood = ?, confidence = ?, rationale = ?, version = version + 1, updated_at = ?, deleted_at = NULL WHERE id = ?',
    );
    const insert = this.ctx.db.prepare(
      'INSERT INTO judgements (id, briefing_id, position, statement, likelihood, confidence, rationale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const clearLinks = this.ctx.db.prepare('DELETE FROM evidence_links WHERE judgement_id = ?');
    const link = this.ctx.db.prepare(
      'INSERT INTO evidence_links (id, judgement_id, target_kind, target_id, stance, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const judgement of captured) {
      const row = existing.get(judgement.id, briefingId) as JudgementRow | undefined;
      if (row) {
        update.run(
          judgement.position,
          judgement.statement,
          judgement.likelihood,
          judgement.confidence,
          judgement.rationale,
          now,
          judgement.id,
        );
        this.changes.recordEvent(judgement.id, this.analyst(), fieldChanges(row, judgement), { kind: 'restore', note });
      } else {
        insert.run(
          judgement.id,
          briefingId,
          judgement.position,
          judgement.statement,
          judgement.likelihood,
          judgement.confidence,
          judgement.rationale,
          judgement.createdAt,
          now,
        );
      }
      clearLinks.run(judgement.id);
      // A revision older than matrix citations leaves the current one as it is, as it says nothing of it.
      if (judgement.matrixCitation !== undefined) this.matrixCitations.restore(judgement.id, judgement.matrixCitation);
      // A link id may since have been reused elsewhere only if it was deleted: new ids are safe.
      for (const item of judgement.links)
        link.run(this.freshLinkId(item.id), judgement.id, item.kind, item.targetId, item.stance, item.note, item.createdAt);
    }
  }

  private freshLinkId(id: string): string {
    const taken = this.ctx.db.prepare('SELECT 1 FROM evidence_links WHERE id = ?').get(id);
    return taken ? randomUUID() : id;
  }
}
