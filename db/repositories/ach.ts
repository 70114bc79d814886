import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { credibilityFromGrades, credibilityFromReliability, type AchRating, type AchWeight } from '../../src/analysis/ach';
import { WarrantError } from '../../src/contract/errors';
import type {
  AchItemDraftSchema,
  AchItemEditSchema,
  AchItemKind,
  AchItemRecord,
  AchMatrixRecord,
  AchMatrixSummary,
} from '../../src/domain/ach';
import { MAX_HYPOTHESES, MAX_ITEMS } from '../../src/domain/ach';
import type { CredibilityGrade, ReliabilityGrade } from '../../src/domain/admiralty';
import { assertVersion } from '../record-versions';
import type { StoreContext } from '../store-context';
import { readEvidenceTarget } from './evidence-target';

type ItemDraft = z.output<typeof AchItemDraftSchema>;
type ItemEdit = z.output<typeof AchItemEditSchema>;

interface MatrixRow {
  id: string;
  briefing_id: string | null;
  title: string;
  question: string;
  version: number;
  updated_at: string;
}

interface ItemRow {
  id: string;
  kind: AchItemKind;
  target_id: string | null;
  text: string;
  relevance: AchWeight;
  credibility: AchWeight | null;
  credibility_reason: string;
  version: number;
}

function notFound(what: string): WarrantError {
  return new WarrantError('not_found', `That ${what} no longer exists.`);
}

/**
 * Matrices of competing hypotheses. Every write bumps the matrix's version and time, so a list
 * sorted by change and a stale copy are easy to tell. Text edits carry the row's version; a
 * rating carries the rating the analyst saw, so two windows rating different cells never clash
 * and two rating the same cell differently get a conflict instead of a silent overwrite.
 */
export class AchRepository {
  constructor(private readonly ctx: StoreContext) {}

  list(briefingId: string | null): AchMatrixSummary[] {
    const rows = this.ctx.db
      .prepare(
        `SELECT m.id, m.title, m.question, m.briefing_id AS briefingId, m.updated_at AS updatedAt,
           (SELECT count(*) FROM ach_hypotheses h WHERE h.matrix_id = m.id) AS hypotheses,
           (SELECT count(*) FROM ach_items i WHERE i.matrix_id = m.id) AS items
         FROM ach_matrices m WHERE ? IS NULL OR m.briefing_id = ? ORDER BY m.updated_at DESC, m.num DESC`,
      )
      .all(briefingId, briefingId);
    return rows as AchMatrixSummary[];
  }

  get(id: string): AchMatrixRecord {
    const row = this.matrixRow(id);
    const hypotheses = this.ctx.db
      .prepare('SELECT id, text, version FROM ach_hypotheses WHERE matrix_id = ? ORDER BY position, num')
      .all(id) as AchMatrixRecord['hypotheses'];
    const items = (this.ctx.db.prepare('SELECT * FROM ach_items WHERE matrix_id = ? ORDER BY position, num').all(id) as ItemRow[]).map(
      (item) => this.resolveItem(item),
    );
    const ratings: AchMatrixRecord['ratings'] = {};
    const cells = this.ctx.db
      .prepare(
        'SELECT r.item_id AS itemId, r.hypothesis_id AS hypothesisId, r.rating FROM ach_ratings r JOIN ach_items i ON i.id = r.item_id WHERE i.matrix_id = ?',
      )
      .all(id) as { itemId: string; hypothesisId: string; rating: AchRating }[];
    for (const cell of cells) (ratings[cell.itemId] ??= {})[cell.hypothesisId] = cell.rating;
    return {
      id: row.id,
      title: row.title,
      question: row.question,
      briefingId: row.briefing_id,
      version: row.version,
      hypotheses,
      items,
      ratings,
      derivations: this.derivationsAmong(items.flatMap((item) => item.sourceIds)),
      updatedAt: row.updated_at,
    };
  }

  create(title: string, question: string, briefingId: string | null, hypotheses: readonly string[]): AchMatrixRecord {
    if (briefingId !== null && !this.ctx.db.prepare('SELECT 1 FROM briefings WHERE id = ?').get(briefingId)) throw notFound('briefing');
    const id = randomUUID();
    const now = this.ctx.now();
    this.ctx.db.transaction(() => {
      this.ctx.db
        .prepare('INSERT INTO ach_matrices (id, briefing_id, title, question, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, briefingId, title, question, now, now);
      hypotheses.forEach((text, position) => this.insertHypothesis(id, text, position));
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  update(id: string, version: number, title: string, question: string): AchMatrixRecord {
    this.write(id, () => {
      assertVersion('This matrix', version, this.matrixRow(id).version, () => this.get(id));
      this.ctx.db.prepare('UPDATE ach_matrices SET title = ?, question = ? WHERE id = ?').run(title, question, id);
    });
    return this.get(id);
  }

  delete(id: string): void {
    this.matrixRow(id);
    this.ctx.db.prepare('DELETE FROM ach_matrices WHERE id = ?').run(id);
    this.ctx.afterWrite();
  }

  addHypothesis(matrixId: string, text: string): AchMatrixRecord {
    this.write(matrixId, () => {
      const count = this.ctx.db.prepare('SELECT count(*) FROM ach_hypotheses WHERE matrix_id = ?').pluck().get(matrixId) as number;
      if (count >= MAX_HYPOTHESES) throw new WarrantError('invalid_input', `A matrix holds at most ${MAX_HYPOTHESES} hypotheses.`);
      this.insertHypothesis(matrixId, text, this.nextPosition('ach_hypotheses', matrixId));
    });
    return this.get(matrixId);
  }

  updateHypothesis(id: string, version: number, text: string): AchMatrixRecord {
    const matrixId = this.owner('ach_hypotheses', id, 'hypothesis');
    this.write(matrixId, () => {
      const stored = this.ctx.db.prepare('SELECT version FROM ach_hypotheses WHERE id = ?').pluck().get(id) as number;
      assertVersion('This hypothesis', version, stored, () => this.get(matrixId));
      this.ctx.db.prepare('UPDATE ach_hypotheses SET text = ?, version = version + 1 WHERE id = ?').run(text, id);
    });
    return this.get(matrixId);
  }

  removeHypothesis(id: string): AchMatrixRecord {
    const matrixId = this.owner('ach_hypotheses', id, 'hypothesis');
    this.write(matrixId, () => this.ctx.db.prepare('DELETE FROM ach_hypotheses WHERE id = ?').run(id));
    return this.get(matrixId);
  }

  addItem(matrixId: string, draft: ItemDraft): AchMatrixRecord {
    this.write(matrixId, () => {
      const count = this.ctx.db.prepare('SELECT count(*) FROM ach_items WHERE matrix_id = ?').pluck().get(matrixId) as number;
      if (count >= MAX_ITEMS) throw new WarrantError('invalid_input', `A matrix holds at most ${MAX_ITEMS} evidence items.`);
      if (draft.kind === 'quote' || draft.kind === 'source') {
        if (!readEvidenceTarget(this.ctx.db, draft.kind, draft.targetId)) throw notFound(draft.kind);
      }
      const stored = draft.kind === 'quote' || draft.kind === 'source';
      this.ctx.db
        .prepare('INSERT INTO ach_items (id, matrix_id, position, kind, target_id, text, relevance) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(
          randomUUID(),
          matrixId,
          this.nextPosition('ach_items', matrixId),
          draft.kind,
          stored ? draft.targetId : null,
          stored ? '' : draft.text,
          draft.relevance,
        );
    });
    return this.get(matrixId);
  }

  updateItem(id: string, version: number, edit: ItemEdit): AchMatrixRecord {
    const matrixId = this.owner('ach_items', id, 'evidence item');
    this.write(matrixId, () => {
      const row = this.ctx.db.prepare('SELECT * FROM ach_items WHERE id = ?').get(id) as ItemRow;
      assertVersion('This evidence item', version, row.version, () => this.get(matrixId));
      const freeText = row.kind !== 'quote' && row.kind !== 'source';
      const text = freeText && edit.text !== undefined && edit.text !== '' ? edit.text : row.text;
      this.ctx.db
        .prepare(
          'UPDATE ach_items SET text = ?, relevance = ?, credibility = ?, credibility_reason = ?, version = version + 1 WHERE id = ?',
        )
        .run(text, edit.relevance, edit.credibilityOverride, edit.credibilityOverride === null ? '' : edit.credibilityReason, id);
    });
    return this.get(matrixId);
  }

  removeItem(id: string): AchMatrixRecord {
    const matrixId = this.owner('ach_items', id, 'evidence item');
    this.write(matrixId, () => this.ctx.db.prepare('DELETE FROM ach_items WHERE id = ?').run(id));
    return this.get(matrixId);
  }

  /** Sets one cell, if it still holds what the analyst saw; N is stored as no row. */
  rate(
    matrixId: string,
    itemId: string,
    hypothesisId: string,
    rating: AchRating,
    expected: AchRating,
  ): { rating: AchRating; version: number } {
    if (
      this.owner('ach_items', itemId, 'evidence item') !== matrixId ||
      this.owner('ach_hypotheses', hypothesisId, 'hypothesis') !== matrixId
    )
      throw new WarrantError('invalid_input', 'That cell belongs to another matrix.');
    this.write(matrixId, () => {
      const stored = this.ratingOf(itemId, hypothesisId);
      if (stored !== expected)
        throw new WarrantError(
          'conflict',
          `This cell was changed elsewhere to ${stored} after you saw ${expected}, so your rating was not saved. Rate it again if you still mean it.`,
          { current: stored },
        );
      if (rating === 'N') this.ctx.db.prepare('DELETE FROM ach_ratings WHERE item_id = ? AND hypothesis_id = ?').run(itemId, hypothesisId);
      else
        this.ctx.db
          .prepare(
            'INSERT INTO ach_ratings (item_id, hypothesis_id, rating) VALUES (?, ?, ?) ON CONFLICT (item_id, hypothesis_id) DO UPDATE SET rating = excluded.rating',
          )
          .run(itemId, hypothesisId, rating);
    });
    return { rating, version: this.matrixRow(matrixId).version };
  }

  private ratingOf(itemId: string, hypothesisId: string): AchRating {
    const stored = this.ctx.db
      .prepare('SELECT rating FROM ach_ratings WHERE item_id = ? AND hypothesis_id = ?')
      .pluck()
      .get(itemId, hypothesisId) as AchRating | undefined;
    return stored ?? 'N';
  }

  private write(matrixId: string, change: () => void): void {
    this.matrixRow(matrixId);
    this.ctx.db.transaction(() => {
      change();
      this.ctx.db.prepare('UPDATE ach_matrices SET version = version + 1, updated_at = ? WHERE id = ?').run(this.ctx.now(), matrixId);
    })();
    this.ctx.afterWrite();
  }

  private matrixRow(id: string): MatrixRow {
    const row = this.ctx.db.prepare('SELECT * FROM ach_matrices WHERE id = ?').get(id) as MatrixRow | undefined;
    if (!row) throw notFound('matrix');
    return row;
  }

  private owner(table: 'ach_hypotheses' | 'ach_items', id: string, what: string): string {
    const matrixId = this.ctx.db.prepare(`SELECT matrix_id FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined;
    if (!matrixId) throw notFound(what);
    return matrixId;
  }

  private nextPosition(table: 'ach_hypotheses' | 'ach_items', matrixId: string): number {
    return this.ctx.db.prepare(`SELECT coalesce(max(position) + 1, 0) FROM ${table} WHERE matrix_id = ?`).pluck().get(matrixId) as number;
  }

  private insertHypothesis(matrixId: string, text: string, position: number): void {
    this.ctx.db
      .prepare('INSERT INTO ach_hypotheses (id, matrix_id, position, text) VALUES (?, ?, ?, ?)')
      .run(randomUUID(), matrixId, position, text);
  }

  private resolveItem(row: ItemRow): AchItemRecord {
    const base = {
      id: row.id,
      kind: row.kind,
      targetId: row.target_id,
      relevance: row.relevance,
      credibilityOverride: row.credibility,
      credibilityReason: row.credibility_reason,
      version: row.version,
    };
    if (row.kind !== 'quote' && row.kind !== 'source') {
      // Free text has no grades to weigh; without an override it counts at medium credibility.
      return {
        ...base,
        text: row.text,
        state: 'live',
        sourceIds: [],
        sourceTitle: '',
        reliability: null,
        credibilityGrade: null,
        credibility: row.credibility ?? 'medium',
      };
    }
    const target = readEvidenceTarget(this.ctx.db, row.kind, row.target_id);
    if (!target)
      return {
        ...base,
        text: '',
        state: 'missing',
        sourceIds: [],
        sourceTitle: '',
        reliability: null,
        credibilityGrade: null,
        credibility: row.credibility ?? 'low',
      };
    const reliability = target.reliability as ReliabilityGrade | null;
    const graded =
      row.kind === 'source'
        ? credibilityFromReliability(reliability)
        : credibilityFromGrades(reliability, target.credibility as CredibilityGrade | null);
    return {
      ...base,
      text: target.text,
      state: target.deleted ? 'trashed' : 'live',
      sourceIds: [target.source_id],
      sourceTitle: target.title,
      reliability: target.reliability,
      credibilityGrade: target.credibility,
      credibility: row.credibility ?? graded,
    };
  }

  private derivationsAmong(sourceIds: readonly string[]): [string, string][] {
    if (sourceIds.length === 0) return [];
    const wanted = new Set(sourceIds);
    const all = this.ctx.db.prepare('SELECT source_id, origin_id FROM source_derivations').raw().all() as [string, string][];
    return all.filter(([source, origin]) => wanted.has(source) || wanted.has(origin));
  }
}
