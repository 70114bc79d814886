import { randomUUID } from 'node:crypto';
import type { JudgementChange, JudgementChangeKind, JudgementFieldChange } from '../../src/domain/judgement';
import type { StoreContext } from '../store-context';

/** Edits of one editing session join its entry only within this long of its last edit (a block left open overnight starts anew). */
export const CHANGE_SESSION_MS = 10 * 60 * 1000;

interface ChangeRow {
  id: string;
  judgement_id: string;
  analyst: string;
  started_at: string;
  ended_at: string;
  session: string | null;
  kind: JudgementChangeKind;
  note: string;
  changes: string;
}

function toChange(row: ChangeRow): JudgementChange {
  return {
    id: row.id,
    judgementId: row.judgement_id,
    analyst: row.analyst,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    kind: row.kind,
    note: row.note,
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
 * entry per editing session rather than one per autosave. A session is what the editor names it
 * (one opening of the briefing), never merely edits close in time: an entry folded across a
 * reopening or a restore would show a `from` the analyst no longer started from.
 */
export class JudgementChangeRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Records an edit inside the caller's transaction, merging into the latest entry only when it
   * is an edit of the same session by the same analyst. Without a session it is an entry of its own.
   */
  record(judgementId: string, analyst: string, changes: readonly JudgementFieldChange[], session: string | null = null): void {
    const real = changes.filter((change) => change.from !== change.to);
    if (real.length === 0) return;
    const now = this.ctx.now();
    const last = this.ctx.db
      .prepare('SELECT * FROM judgement_changes WHERE judgement_id = ? ORDER BY num DESC LIMIT 1')
      .get(judgementId) as ChangeRow | undefined;
    const sameSession =
      last !== undefined &&
      session !== null &&
      last.kind === 'edit' &&
      last.session === session &&
      last.analyst === analyst &&
      Date.parse(now) - Date.parse(last.ended_at) < CHANGE_SESSION_MS;
    if (last && sameSession) {
      const merged = mergeChanges(JSON.parse(last.changes) as JudgementFieldChange[], real);
      if (merged.length === 0) this.ctx.db.prepare('DELETE FROM judgement_changes WHERE id = ?').run(last.id);
      else
        this.ctx.db
          .prepare('UPDATE judgement_changes SET ended_at = ?, changes = ? WHERE id = ?')
          .run(now, JSON.stringify(merged), last.id);
      return;
    }
    this.insert(judgementId, analyst, real, { kind: 'edit', session, note: '' });
  }

  /**
   * Records what restoring a revision or changing the yardstick did to a judgement: always an
   * entry of its own, and never one a later edit folds into.
   */
  recordEvent(
    judgementId: string,
    analyst: string,
    changes: readonly JudgementFieldChange[],
    event: { kind: Exclude<JudgementChangeKind, 'edit'>; note: string },
  ): void {
    const real = changes.filter((change) => change.from !== change.to);
    if (real.length > 0) this.insert(judgementId, analyst, real, { ...event, session: null });
  }

  private insert(
    judgementId: string,
    analyst: string,
    changes: readonly JudgementFieldChange[],
    entry: { kind: JudgementChangeKind; session: string | null; note: string },
  ): void {
    const now = this.ctx.now();
    this.ctx.db
      .prepare(
        'INSERT INTO judgement_changes (id, judgement_id, analyst, started_at, ended_at, changes, session, kind, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(randomUUID(), judgementId, analyst, now, now, JSON.stringify(changes), entry.session, entry.kind, entry.note);
  }

  /** A judgement's change log, newest first. */
  list(judgementId: string): JudgementChange[] {
    return (
      this.ctx.db.prepare('SELECT * FROM judgement_changes WHERE judgement_id = ? ORDER BY num DESC').all(judgementId) as ChangeRow[]
    ).map(toChange);
  }
}
