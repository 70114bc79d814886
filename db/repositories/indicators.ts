import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import type {
  Indicator,
  IndicatorDraft,
  IndicatorOwnerRef,
  IndicatorSighting,
  IndicatorStatusFilter,
  IndicatorDirection,
} from '../../src/domain/indicator';
import { assertVersion } from '../record-versions';
import type { StoreContext } from '../store-context';
import { readEvidenceTarget } from './evidence-target';

interface IndicatorRow {
  id: string;
  owner_kind: 'judgement' | 'hypothesis';
  owner_id: string;
  subject: string;
  container_id: string;
  container_title: string;
  direction: IndicatorDirection;
  text: string;
  review_on: string;
  seen_on: string | null;
  evidence_kind: 'quote' | 'source' | null;
  evidence_id: string | null;
  notes: string;
  version: number;
  updated_at: string;
}

/**
 * Every indicator with what it belongs to. A judgement's indicators show only while the judgement
 * and its briefing are out of the trash (they come back with a restore); a hypothesis has no
 * trash, its indicators go when it is removed.
 */
const SELECT = `SELECT * FROM (
  SELECT i.*, 'judgement' AS owner_kind, j.id AS owner_id, j.statement AS subject, b.id AS container_id, b.title AS container_title
    FROM indicators i JOIN judgements j ON j.id = i.judgement_id JOIN briefings b ON b.id = j.briefing_id
    WHERE j.deleted_at IS NULL AND b.deleted_at IS NULL
  UNION ALL
  SELECT i.*, 'hypothesis', h.id, h.text, m.id, m.title
    FROM indicators i JOIN ach_hypotheses h ON h.id = i.hypothesis_id JOIN ach_matrices m ON m.id = h.matrix_id
)`;

function notFound(what: string): WarrantError {
  return new WarrantError('not_found', `That ${what} no longer exists.`);
}

/** Indicators and signposts of key judgements and ACH hypotheses. Every write carries the version it started from. */
export class IndicatorRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** A judgement's indicators, or every hypothesis's of a matrix; earliest review first. */
  listFor(of: { kind: 'judgement' | 'matrix'; id: string }): Indicator[] {
    const where = of.kind === 'judgement' ? "owner_kind = 'judgement' AND owner_id = ?" : "owner_kind = 'hypothesis' AND container_id = ?";
    return this.rows(`${SELECT} WHERE ${where} ORDER BY review_on, num`, [of.id]);
  }

  /** Every indicator across briefings and matrices, earliest review first, optionally by status. */
  due(status: IndicatorStatusFilter): Indicator[] {
    const where = status === 'all' ? '' : status === 'seen' ? 'WHERE seen_on IS NOT NULL' : 'WHERE seen_on IS NULL';
    return this.rows(`${SELECT} ${where} ORDER BY review_on, num`, []);
  }

  get(id: string): Indicator {
    const [found] = this.rows(`${SELECT} WHERE id = ?`, [id]);
    if (!found) throw notFound('indicator');
    return found;
  }

  create(owner: IndicatorOwnerRef, draft: IndicatorDraft): Indicator {
    const live =
      owner.kind === 'judgement'
        ? this.ctx.db
            .prepare(
              'SELECT 1 FROM judgements j JOIN briefings b ON b.id = j.briefing_id WHERE j.id = ? AND j.deleted_at IS NULL AND b.deleted_at IS NULL',
            )
            .get(owner.id)
        : this.ctx.db.prepare('SELECT 1 FROM ach_hypotheses WHERE id = ?').get(owner.id);
    if (!live) throw notFound(owner.kind === 'judgement' ? 'key judgement' : 'hypothesis');
    const id = randomUUID();
    const now = this.ctx.now();
    this.ctx.db
      .prepare(
        `INSERT INTO indicators (id, judgement_id, hypothesis_id, direction, text, review_on, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        owner.kind === 'judgement' ? owner.id : null,
        owner.kind === 'hypothesis' ? owner.id : null,
        draft.direction,
        draft.text,
        draft.reviewOn,
        draft.notes,
        now,
        now,
      );
    this.ctx.afterWrite();
    return this.get(id);
  }

  update(id: string, version: number, edit: IndicatorDraft): Indicator {
    this.write(id, version, () =>
      this.ctx.db
        .prepare('UPDATE indicators SET direction = ?, text = ?, review_on = ?, notes = ? WHERE id = ?')
        .run(edit.direction, edit.text, edit.reviewOn, edit.notes, id),
    );
    return this.get(id);
  }

  /** Marks it seen on a day with the evidence it was seen in, or (null) not yet seen. */
  setSighting(id: string, version: number, sighting: IndicatorSighting): Indicator {
    this.write(id, version, () => {
      if (sighting !== null && !readEvidenceTarget(this.ctx.db, sighting.evidence.kind, sighting.evidence.id))
        throw notFound(sighting.evidence.kind);
      this.ctx.db
        .prepare('UPDATE indicators SET seen_on = ?, evidence_kind = ?, evidence_id = ? WHERE id = ?')
        .run(sighting?.on ?? null, sighting?.evidence.kind ?? null, sighting?.evidence.id ?? null, id);
    });
    return this.get(id);
  }

  /** Deletes it for good, as matrix items and evidence links are (the UI confirms first). */
  delete(id: string): void {
    this.get(id);
    this.ctx.db.prepare('DELETE FROM indicators WHERE id = ?').run(id);
    this.ctx.afterWrite();
  }

  private write(id: string, version: number, change: () => void): void {
    this.ctx.db.transaction(() => {
      const stored = this.get(id);
      assertVersion('This indicator', version, stored.version, () => stored);
      change();
      this.ctx.db.prepare('UPDATE indicators SET version = version + 1, updated_at = ? WHERE id = ?').run(this.ctx.now(), id);
    })();
    this.ctx.afterWrite();
  }

  private rows(sql: string, args: readonly unknown[]): Indicator[] {
    return (this.ctx.db.prepare(sql).all(...args) as IndicatorRow[]).map((row) => this.toIndicator(row));
  }

  private toIndicator(row: IndicatorRow): Indicator {
    let evidence: Indicator['evidence'] = null;
    if (row.evidence_kind !== null && row.evidence_id !== null) {
      const target = readEvidenceTarget(this.ctx.db, row.evidence_kind, row.evidence_id);
      evidence = {
        kind: row.evidence_kind,
        id: row.evidence_id,
        text: target?.text ?? '',
        sourceTitle: target?.title ?? '',
        state: !target ? 'missing' : target.deleted ? 'trashed' : 'live',
      };
    }
    return {
      id: row.id,
      owner: {
        kind: row.owner_kind,
        id: row.owner_id,
        subject: row.subject,
        containerId: row.container_id,
        containerTitle: row.container_title,
      },
      direction: row.direction,
      text: row.text,
      reviewOn: row.review_on,
      seenOn: row.seen_on,
      evidence,
      notes: row.notes,
      version: row.version,
      updatedAt: row.updated_at,
    };
  }
}
