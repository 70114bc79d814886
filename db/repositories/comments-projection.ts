import type { TeamThread } from '../../src/team/comments-document';
import type { StoreContext } from '../store-context';

interface HeldThread {
  id: string;
  anchor: string;
  quote: string;
  resolved_at: string | null;
  resolved_by: string;
}

/** What one projection changed in the tables. */
export interface CommentProjection {
  /** False when the briefing is not in the workspace yet: nothing was written, project again once it is. */
  readonly briefingKnown: boolean;
  readonly changed: boolean;
}

/**
 * Makes a briefing's comment tables what its team document says, in one transaction: the
 * Comments tab, the open counts and the DOCX export read the tables and never the document.
 * A thread's version goes up whenever its row changes, so a window showing it learns it moved.
 */
export function projectTeamThreads(ctx: StoreContext, briefingId: string, threads: readonly TeamThread[]): CommentProjection {
  const { db } = ctx;
  if (!db.prepare('SELECT 1 FROM briefings WHERE id = ?').get(briefingId)) return { briefingKnown: false, changed: false };
  let changes = 0;
  db.transaction(() => {
    const held = new Map(
      (
        db
          .prepare('SELECT id, anchor, quote, resolved_at, resolved_by FROM comment_threads WHERE briefing_id = ?')
          .all(briefingId) as HeldThread[]
      ).map((row) => [row.id, row]),
    );
    const anchorOf = new Map(threads.map((thread) => [thread.id, thread.anchor]));
    // Rows the document no longer holds go first, so a new thread can take an anchor a stale one held.
    for (const row of held.values()) {
      if (anchorOf.get(row.id) === row.anchor) continue;
      changes += db.prepare('DELETE FROM comment_threads WHERE id = ?').run(row.id).changes;
      held.delete(row.id);
    }
    const insertThread = db.prepare(
      `INSERT INTO comment_threads (id, briefing_id, anchor, quote, resolved_at, resolved_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    const updateThread = db.prepare(
      'UPDATE comment_threads SET quote = ?, resolved_at = ?, resolved_by = ?, version = version + 1 WHERE id = ?',
    );
    const insertComment = db.prepare(
      'INSERT INTO comments (id, thread_id, author, body, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const heldComments = db.prepare('SELECT id FROM comments WHERE thread_id = ?').pluck();
    const deleteComment = db.prepare('DELETE FROM comments WHERE id = ?');
    for (const thread of threads) {
      const row = held.get(thread.id);
      if (!row) {
        // A thread id another briefing already uses (only a modified client makes one) is skipped.
        const inserted = insertThread.run(
          thread.id,
          briefingId,
          thread.anchor,
          thread.quote,
          thread.resolvedAt,
          thread.resolvedBy,
          thread.createdAt,
        ).changes;
        if (inserted === 0) continue;
        changes += inserted;
      } else if (row.quote !== thread.quote || row.resolved_at !== thread.resolvedAt || row.resolved_by !== thread.resolvedBy) {
        changes += updateThread.run(thread.quote, thread.resolvedAt, thread.resolvedBy, thread.id).changes;
      }
      const present = new Set(heldComments.all(thread.id) as string[]);
      const replyIds = new Set(thread.replies.map((reply) => reply.id));
      for (const id of present) if (!replyIds.has(id)) changes += deleteComment.run(id).changes;
      for (const reply of thread.replies) {
        if (!present.has(reply.id)) changes += insertComment.run(reply.id, thread.id, reply.author, reply.text, reply.at).changes;
      }
    }
  })();
  if (changes > 0) ctx.afterWrite();
  return { briefingKnown: true, changed: changes > 0 };
}
