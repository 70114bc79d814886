import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import { YARDSTICK_LABELS, YARDSTICKS, type Yardstick } from '../../src/domain/briefing';
import { likelihoodTerm, nearestTerm, type Judgement, type JudgementDraft, type JudgementFieldChange } from '../../src/domain/judgement';
import type { StoreContext } from '../store-context';
import type { JudgementChangeRepository } from './judgement-changes';
import type { EvidenceRepository } from './judgement-evidence';
import type { MatrixCitationRepository } from './matrix-citations';
import { refuseStaleWrite } from './stale-write';

export interface JudgementRow {
  id: string;
  briefing_id: string;
  position: number;
  statement: string;
  likelihood: string | null;
  confidence: Judgement['confidence'];
  rationale: string;
  version: number;
  created_at: string;
  updated_at: string;
}

const LIVE = 'j.deleted_at IS NULL AND b.deleted_at IS NULL';

function notFound(): WarrantError {
  return new WarrantError('not_found', 'That judgement no longer exists (it may have been moved to the trash).');
}

/** Refuses a likelihood that is not a term of the briefing's yardstick, naming the field. */
export function checkLikelihood(yardstick: Yardstick, key: string | null, field = 'draft.likelihood'): void {
  if (key === null || likelihoodTerm(yardstick, key)) return;
  const other = YARDSTICKS.find((candidate) => candidate !== yardstick && likelihoodTerm(candidate, key));
  const otherTerm = other ? likelihoodTerm(other, key) : null;
  const message =
    other && otherTerm
      ? `“${otherTerm.words[0]}” is a term of the ${YARDSTICK_LABELS[other]} yardstick; this briefing uses ${YARDSTICK_LABELS[yardstick]}.`
      : `Choose a term of the ${YARDSTICK_LABELS[yardstick]} yardstick.`;
  throw new WarrantError('invalid_input', message, { fields: { [field]: message } });
}

/** What changed in the fields the change log follows. */
export function fieldChanges(
  before: Pick<JudgementRow, 'statement' | 'likelihood' | 'confidence'>,
  after: Pick<JudgementDraft, 'statement' | 'likelihood' | 'confidence'>,
): JudgementFieldChange[] {
  return (['statement', 'likelihood', 'confidence'] as const)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

/**
 * Key judgements of briefings, in the order of their blocks in the Key Judgements section,
 * soft-deleted to the trash. Each read assembles evidence and counts.
 */
export class JudgementRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly evidence: EvidenceRepository,
    private readonly changes: JudgementChangeRepository,
    /** The analyst name from Settings, for the change log. */
    private readonly analyst: () => string,
    private readonly matrixCitations: MatrixCitationRepository,
  ) {}

  list(briefingId: string): { yardstick: Yardstick; items: Judgement[] } {
    const yardstick = this.yardstickOf(briefingId);
    const rows = this.ctx.db
      .prepare(
        `SELECT j.* FROM judgements j JOIN briefings b ON b.id = j.briefing_id WHERE j.briefing_id = ? AND ${LIVE} ORDER BY j.position, j.num`,
      )
      .all(briefingId) as JudgementRow[];
    return { yardstick, items: this.assemble(rows) };
  }

  get(id: string): Judgement {
    const [judgement] = this.assemble([this.row(id)]);
    if (!judgement) throw notFound();
    return judgement;
  }

  /** A new judgement at the end of the briefing's list (the editor then places it). */
  create(briefingId: string, draft: JudgementDraft): Judgement {
    const id = randomUUID();
    this.ctx.db.transaction(() => {
      checkLikelihood(this.yardstickOf(briefingId), draft.likelihood);
      const next = this.ctx.db
        .prepare('SELECT coalesce(max(position), -1) + 1 FROM judgements WHERE briefing_id = ? AND deleted_at IS NULL')
        .pluck()
        .get(briefingId) as number;
      const now = this.ctx.now();
      this.ctx.db
        .prepare(
          'INSERT INTO judgements (id, briefing_id, position, statement, likelihood, confidence, rationale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, briefingId, next, draft.statement, draft.likelihood, draft.confidence, draft.rationale, now, now);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  /**
   * Replaces the editable fields; changes to statement, likelihood or confidence go to the change
   * log, folded into one entry per `editSession` (the editor's id for one opening of the briefing). A `baseVersion` other than the stored one is refused as a conflict, writing nothing.
   */
  update(id: string, draft: JudgementDraft, baseVersion?: number, editSession: string | null = null): Judgement {
    this.ctx.db.transaction(() => {
      const row = this.row(id);
      refuseStaleWrite(
        baseVersion,
        row.version,
        () => this.get(id),
        'This key judgement was changed in another tab or window since you opened it; nothing was saved.',
      );
      checkLikelihood(this.yardstickOf(row.briefing_id), draft.likelihood);
      this.ctx.db
        .prepare(
          'UPDATE judgements SET statement = ?, likelihood = ?, confidence = ?, rationale = ?, version = version + 1, updated_at = ? WHERE id = ?',
        )
        .run(draft.statement, draft.likelihood, draft.confidence, draft.rationale, this.ctx.now(), id);
      this.changes.record(id, this.analyst(), fieldChanges(row, draft), editSession);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  /**
   * Puts the briefing's live judgements in the given order; `ids` must name each of them once.
   * `baseOrder` is the stored order the caller started from: if another window reordered in
   * between, the move is refused as a conflict (`current` is the stored order), writing nothing.
   */
  reorder(briefingId: string, ids: readonly string[], baseOrder?: readonly string[]): void {
    this.ctx.db.transaction(() => {
      this.yardstickOf(briefingId);
      const live = this.ctx.db
        .prepare('SELECT id FROM judgements WHERE briefing_id = ? AND deleted_at IS NULL ORDER BY position, num')
        .pluck()
        .all(briefingId) as string[];
      if (baseOrder !== undefined && baseOrder.join() !== live.join()) {
        throw new WarrantError(
          'conflict',
          'The key judgements were reordered, added or removed in another tab or window; nothing was moved.',
          { current: live },
        );
      }
      const given = new Set(ids);
      if (given.size !== ids.length || given.size !== live.length || live.some((id) => !given.has(id))) {
        throw new WarrantError('invalid_input', 'The order must list each of the briefing’s judgements once; reload and try again.', {
          fields: { ids: 'Not the briefing’s judgements.' },
        });
      }
      const move = this.ctx.db.prepare('UPDATE judgements SET position = ? WHERE id = ?');
      ids.forEach((id, index) => move.run(index, id));
    })();
    this.ctx.afterWrite();
  }

  /** Moves a judgement to the trash; a `baseVersion` other than the stored one is refused as a conflict. */
  trash(id: string, baseVersion?: number): string {
    const deletedAt = this.ctx.now();
    this.ctx.db.transaction(() => {
      const row = this.row(id);
      refuseStaleWrite(
        baseVersion,
        row.version,
        () => this.get(id),
        'This key judgement was changed in another tab or window; it was not moved to the trash.',
      );
      this.ctx.db.prepare('UPDATE judgements SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
    })();
    this.ctx.afterWrite();
    return deletedAt;
  }

  /**
   * Maps the briefing's likelihoods onto another yardstick (inside the caller's transaction),
   * each to the nearest term, and logs the change.
   */
  remapYardstick(briefingId: string, from: Yardstick, to: Yardstick): void {
    if (from === to) return;
    const rows = this.ctx.db
      .prepare('SELECT * FROM judgements WHERE briefing_id = ? AND likelihood IS NOT NULL')
      .all(briefingId) as JudgementRow[];
    const update = this.ctx.db.prepare('UPDATE judgements SET likelihood = ?, version = version + 1, updated_at = ? WHERE id = ?');
    for (const row of rows) {
      const mapped = nearestTerm(from, row.likelihood ?? '', to)?.key ?? null;
      if (mapped === row.likelihood) continue;
      update.run(mapped, this.ctx.now(), row.id);
      this.changes.recordEvent(row.id, this.analyst(), [{ field: 'likelihood', from: row.likelihood, to: mapped }], {
        kind: 'yardstick',
        note: `Yardstick changed to ${YARDSTICK_LABELS[to]}`,
      });
    }
  }

  /** The live row of a judgement in a live briefing. */
  row(id: string): JudgementRow {
    const row = this.ctx.db
      .prepare(`SELECT j.* FROM judgements j JOIN briefings b ON b.id = j.briefing_id WHERE j.id = ? AND ${LIVE}`)
      .get(id) as JudgementRow | undefined;
    if (!row) throw notFound();
    return row;
  }

  private yardstickOf(briefingId: string): Yardstick {
    const yardstick = this.ctx.db.prepare('SELECT yardstick FROM briefings WHERE id = ? AND deleted_at IS NULL').pluck().get(briefingId) as
      Yardstick | undefined;
    if (!yardstick) throw new WarrantError('not_found', 'That briefing no longer exists (it may have been moved to the trash).');
    return yardstick;
  }

  private assemble(rows: readonly JudgementRow[]): Judgement[] {
    if (rows.length === 0) return [];
    const links = this.evidence.linksOf(rows.map((row) => row.id));
    const derivations = this.evidence.derivations();
    const cited = this.matrixCitations.of(rows.map((row) => row.id));
    return rows.map((row) => {
      const evidence = links.get(row.id) ?? [];
      return {
        id: row.id,
        briefingId: row.briefing_id,
        position: row.position,
        statement: row.statement,
        likelihood: row.likelihood,
        confidence: row.confidence,
        rationale: row.rationale,
        evidence,
        counts: this.evidence.counts(evidence, derivations),
        matrixCitation: cited.get(row.id) ?? null,
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    });
  }
}
