import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import {
  MAX_ASSUMPTIONS,
  type Assumption,
  type AssumptionBasis,
  type AssumptionDraft,
  type AssumptionStatus,
} from '../../src/domain/assumption';
import { assertVersion } from '../record-versions';
import type { StoreContext } from '../store-context';
import type { JudgementChangeRepository } from './judgement-changes';

interface AssumptionRow {
  id: string;
  briefing_id: string;
  text: string;
  rationale: string;
  status: AssumptionStatus;
  caveat: string;
  wrong_if: string;
  version: number;
  created_at: string;
  updated_at: string;
}

function notFound(what: string): WarrantError {
  return new WarrantError('not_found', `That ${what} no longer exists.`);
}

/**
 * The Key Assumptions Check register of each briefing, and which key judgements rest on each
 * assumption. Edits and deletes name the version they started from; linking a judgement does not
 * change the assumption's words, so it leaves the version alone (an open edit form stays valid).
 * Judgements in the trash are left out of every read, so their links come back with them.
 */
export class AssumptionRepository {
  constructor(
    private readonly ctx: StoreContext,
    /** A judgement's change log records what it rests on, as ICD 203 asks changes in judgements to be explained. */
    private readonly changes: JudgementChangeRepository,
    private readonly analyst: () => string,
  ) {}

  list(briefingId: string): Assumption[] {
    this.briefingExists(briefingId);
    const rows = this.ctx.db
      .prepare('SELECT * FROM assumptions WHERE briefing_id = ? ORDER BY position, num')
      .all(briefingId) as AssumptionRow[];
    const links = this.ctx.db
      .prepare(
        `SELECT l.assumption_id AS assumptionId, l.judgement_id AS judgementId
         FROM assumption_judgements l JOIN judgements j ON j.id = l.judgement_id
         WHERE j.briefing_id = ? AND j.deleted_at IS NULL ORDER BY j.position, j.num`,
      )
      .all(briefingId) as { assumptionId: string; judgementId: string }[];
    const byAssumption = new Map<string, string[]>();
    for (const link of links) byAssumption.set(link.assumptionId, [...(byAssumption.get(link.assumptionId) ?? []), link.judgementId]);
    return rows.map((row) => toAssumption(row, byAssumption.get(row.id) ?? []));
  }

  get(id: string): Assumption {
    const row = this.row(id);
    const judgementIds = this.ctx.db
      .prepare(
        `SELECT l.judgement_id FROM assumption_judgements l JOIN judgements j ON j.id = l.judgement_id
         WHERE l.assumption_id = ? AND j.deleted_at IS NULL ORDER BY j.position, j.num`,
      )
      .pluck()
      .all(id) as string[];
    return toAssumption(row, judgementIds);
  }

  create(briefingId: string, draft: AssumptionDraft): Assumption {
    this.briefingExists(briefingId);
    const id = randomUUID();
    const now = this.ctx.now();
    this.ctx.db.transaction(() => {
      const count = this.ctx.db.prepare('SELECT count(*) FROM assumptions WHERE briefing_id = ?').pluck().get(briefingId) as number;
      if (count >= MAX_ASSUMPTIONS) throw new WarrantError('invalid_input', `A briefing holds at most ${MAX_ASSUMPTIONS} assumptions.`);
      const position = this.ctx.db
        .prepare('SELECT coalesce(max(position) + 1, 0) FROM assumptions WHERE briefing_id = ?')
        .pluck()
        .get(briefingId) as number;
      this.ctx.db
        .prepare(
          'INSERT INTO assumptions (id, briefing_id, position, text, rationale, status, caveat, wrong_if, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, briefingId, position, ...columns(draft), now, now);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  update(id: string, baseVersion: number | undefined, draft: AssumptionDraft): Assumption {
    this.ctx.db.transaction(() => {
      assertVersion('This assumption', baseVersion, this.row(id).version, () => this.get(id));
      this.ctx.db
        .prepare(
          'UPDATE assumptions SET text = ?, rationale = ?, status = ?, caveat = ?, wrong_if = ?, version = version + 1, updated_at = ? WHERE id = ?',
        )
        .run(...columns(draft), this.ctx.now(), id);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  delete(id: string, baseVersion: number | undefined): void {
    this.ctx.db.transaction(() => {
      assertVersion('This assumption', baseVersion, this.row(id).version, () => this.get(id));
      const linked = this.ctx.db
        .prepare('SELECT judgement_id FROM assumption_judgements WHERE assumption_id = ?')
        .pluck()
        .all(id) as string[];
      const before = new Map(linked.map((judgementId) => [judgementId, this.restingOn(judgementId)]));
      this.ctx.db.prepare('DELETE FROM assumptions WHERE id = ?').run(id);
      for (const [judgementId, from] of before)
        this.changes.record(judgementId, this.analyst(), [{ field: 'assumptions', from, to: this.restingOn(judgementId) }]);
    })();
    this.ctx.afterWrite();
  }

  /** Records that a judgement of the same briefing rests on the assumption (linking twice is harmless). */
  link(assumptionId: string, judgementId: string): Assumption {
    const row = this.row(assumptionId);
    const judgement = this.ctx.db.prepare('SELECT briefing_id, deleted_at FROM judgements WHERE id = ?').get(judgementId) as
      { briefing_id: string; deleted_at: string | null } | undefined;
    if (!judgement || judgement.deleted_at !== null) throw notFound('key judgement');
    if (judgement.briefing_id !== row.briefing_id)
      throw new WarrantError('invalid_input', 'That key judgement belongs to another briefing; link judgements of this briefing only.');
    const now = this.ctx.now();
    this.ctx.db.transaction(() => {
      const before = this.restingOn(judgementId);
      this.ctx.db
        .prepare('INSERT OR IGNORE INTO assumption_judgements (assumption_id, judgement_id, created_at) VALUES (?, ?, ?)')
        .run(assumptionId, judgementId, now);
      this.ctx.db.prepare('UPDATE assumptions SET updated_at = ? WHERE id = ?').run(now, assumptionId);
      this.changes.record(judgementId, this.analyst(), [{ field: 'assumptions', from: before, to: this.restingOn(judgementId) }]);
    })();
    this.ctx.afterWrite();
    return this.get(assumptionId);
  }

  unlink(assumptionId: string, judgementId: string): Assumption {
    this.row(assumptionId);
    this.ctx.db.transaction(() => {
      const before = this.restingOn(judgementId);
      this.ctx.db.prepare('DELETE FROM assumption_judgements WHERE assumption_id = ? AND judgement_id = ?').run(assumptionId, judgementId);
      this.ctx.db.prepare('UPDATE assumptions SET updated_at = ? WHERE id = ?').run(this.ctx.now(), assumptionId);
      this.changes.record(judgementId, this.analyst(), [{ field: 'assumptions', from: before, to: this.restingOn(judgementId) }]);
    })();
    this.ctx.afterWrite();
    return this.get(assumptionId);
  }

  /** The assumptions a judgement rests on, in the register's order. */
  forJudgement(judgementId: string): AssumptionBasis[] {
    if (!this.ctx.db.prepare('SELECT 1 FROM judgements WHERE id = ?').get(judgementId)) throw notFound('key judgement');
    return this.ctx.db
      .prepare(
        `SELECT a.id, a.text, a.status, a.caveat FROM assumptions a JOIN assumption_judgements l ON l.assumption_id = a.id
         WHERE l.judgement_id = ? ORDER BY a.position, a.num`,
      )
      .all(judgementId) as AssumptionBasis[];
  }

  /** What a judgement rests on, for its change log: the assumptions' words joined, or null for none. */
  private restingOn(judgementId: string): string | null {
    const texts = this.forJudgement(judgementId).map((assumption) => assumption.text);
    return texts.length === 0 ? null : texts.join('; ');
  }

  private row(id: string): AssumptionRow {
    const row = this.ctx.db.prepare('SELECT * FROM assumptions WHERE id = ?').get(id) as AssumptionRow | undefined;
    if (!row) throw notFound('assumption');
    return row;
  }

  private briefingExists(briefingId: string): void {
    if (!this.ctx.db.prepare('SELECT 1 FROM briefings WHERE id = ?').get(briefingId)) throw notFound('briefing');
  }
}

/** The draft's columns in table order (text … wrong_if); a caveat is kept only while caveated. */
function columns(draft: AssumptionDraft): [string, string, AssumptionStatus, string, string] {
  return [draft.text, draft.rationale, draft.status, draft.status === 'caveated' ? draft.caveat : '', JSON.stringify(draft.wrongIf)];
}

function toAssumption(row: AssumptionRow, judgementIds: string[]): Assumption {
  return {
    id: row.id,
    briefingId: row.briefing_id,
    text: row.text,
    rationale: row.rationale,
    status: row.status,
    caveat: row.caveat,
    wrongIf: JSON.parse(row.wrong_if) as string[],
    judgementIds,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
