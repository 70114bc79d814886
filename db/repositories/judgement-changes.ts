import { randomUUID } from 'node:crypto';
import type { JudgementChange, JudgementFieldChange } from '../../src/domain/judgement';
import type { StoreContext } from '../store-context';

/** Edits by the same analyst within this long of the session's last edit join that session's entry. */
export const CHANGE_SESSION_MS = 10 * 60 * 1000;

interface ChangeRow {
  id: string;
  judgement_id: string;
  analyst: string;
  started_at: string;
  ended_at: string;
  changes: string;
}

function toChange(row: ChangeRow): JudgementChange {
  return {
    id: row.id,
    judgementId: row.judgement_id,
    analyst: row.analyst,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    changes: JSON.parse(row.changes) as JudgementFieldChange[],
  };
}

/**
 * Folds `next` into a session's changes: a field changed again keeps its first `from`; a field
 * brought back to where the session found it drops out.
 */
export function mergeChanges(session: readonly JudgementFieldChange[], next: readonly JudgementFieldChange[]): JudgementFieldChange[] {
  const merged = session.map((change) => ({ ...change }));
  for (const change of next) {
    const earlier = merged.find((candidate) => candidate.field === change.field);
    if (earlier) earlier.to = change.to;
    else merged.push({ ...change });
  }
  return merged.filter((change) => change.from !== change.to);
}

/**
 * The change log of judgements (ICD 203 asks analysts to explain changes in judgements): one
 * entry per editing session rather than one per autosave.
 */
export class JudgementChangeRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Records changes inside the caller's transaction, merging into the latest entry when it is the same session. */
  record(judgementId: string, analyst: string, changes: readonly JudgementFieldChange[]): void {
    const real = changes.filter((change) => change.from !== change.to);
    if (real.length === 0) return;
    const now = this.ctx.now();
    const last = this.ctx.db
      .prepare('SELECT * FROM judgement_changes WHERE judgement_id = ? ORDER BY num DESC LIMIT 1')
      .get(judgementId) as ChangeRow | undefined;
    if (last && last.analyst === analyst && Date.parse(now) - Date.parse(last.ended_at) < CHANGE_SESSION_MS) {
      const merged = mergeChanges(JSON.parse(last.changes) as JudgementFieldChange[], real);
      if (merged.length === 0) this.ctx.db.prepare('DELETE FROM judgement_changes WHERE id = ?').run(last.id);
      else
        this.ctx.db
          .prepare('UPDATE judgement_changes SET ended_at = ?, changes = ? WHERE id = ?')
          .run(now, JSON.stringify(merged), last.id);
      return;
    }
    this.ctx.db
      .prepare('INSERT INTO judgement_changes (id, judgement_id, analyst, started_at, ended_at, changes) VALUES (?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), judgementId, analyst, now, now, JSON.stringify(real));
  }

  /** A judgement's change log, newest first. */
  list(judgementId: string): JudgementChange[] {
    return (
      this.ctx.db.prepare('SELECT * FROM judgement_changes WHERE judgement_id = ? ORDER BY num DESC').all(judgementId) as ChangeRow[]
    ).map(toChange);
  }
}
