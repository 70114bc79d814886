import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import type { Comment, CommentThread } from '../../src/domain/comment';
import type { TeamThread } from '../../src/team/comments-document';
import { assertVersion } from '../record-versions';
import type { StoreContext } from '../store-context';
import { projectTeamThreads, type CommentProjection } from './comments-projection';

interface ThreadRow {
  id: string;
  briefing_id: string;
  anchor: string;
  quote: string;
  resolved_at: string | null;
  resolved_by: string;
  version: number;
  created_at: string;
}

/** Without a name in Settings, a comment is still signed: a reviewer needs to tell notes apart. */
const UNNAMED = 'Analyst';

/**
 * Review comment threads on a briefing. The body holds only a mark id per thread; the words,
 * replies and state live here, so the text's own history (revisions, restores) never rewrites a
 * review and an export can leave every comment out by ignoring the marks.
 */
export class CommentRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly analyst: () => string,
  ) {}

  list(briefingId: string): CommentThread[] {
    const rows = this.ctx.db.prepare('SELECT * FROM comment_threads WHERE briefing_id = ? ORDER BY num').all(briefingId) as ThreadRow[];
    const comments = this.ctx.db
      .prepare(
        `SELECT c.thread_id AS threadId, c.id, c.author, c.body, c.created_at AS createdAt
         FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE t.briefing_id = ? ORDER BY c.num`,
      )
      .all(briefingId) as (Comment & { threadId: string })[];
    const byThread = new Map<string, Comment[]>();
    for (const { threadId, ...comment } of comments) {
      const held = byThread.get(threadId) ?? [];
      held.push(comment);
      byThread.set(threadId, held);
    }
    return rows.map((row) => this.toThread(row, byThread.get(row.id) ?? []));
  }

  /** Unresolved threads per briefing. */
  openCounts(): Record<string, number> {
    const rows = this.ctx.db
      .prepare('SELECT briefing_id AS briefingId, count(*) AS open FROM comment_threads WHERE resolved_at IS NULL GROUP BY briefing_id')
      .all() as { briefingId: string; open: number }[];
    return Object.fromEntries(rows.map((row) => [row.briefingId, row.open]));
  }

  get(threadId: string): CommentThread {
    const row = this.threadRow(threadId);
    const comments = this.ctx.db
      .prepare('SELECT id, author, body, created_at AS createdAt FROM comments WHERE thread_id = ? ORDER BY num')
      .all(threadId) as Comment[];
    return this.toThread(row, comments);
  }

  start(briefingId: string, anchor: string, quote: string, body: string): CommentThread {
    if (!this.ctx.db.prepare('SELECT 1 FROM briefings WHERE id = ?').get(briefingId)) {
      throw new WarrantError('not_found', 'That briefing no longer exists.');
    }
    if (this.ctx.db.prepare('SELECT 1 FROM comment_threads WHERE briefing_id = ? AND anchor = ?').get(briefingId, anchor)) {
      throw new WarrantError('invalid_input', 'Those words already have a comment thread: answer it instead.');
    }
    const id = randomUUID();
    const now = this.ctx.now();
    this.ctx.db.transaction(() => {
      this.ctx.db
        .prepare('INSERT INTO comment_threads (id, briefing_id, anchor, quote, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, briefingId, anchor, quote, now);
      this.insertComment(id, body, now);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  reply(threadId: string, body: string): CommentThread {
    this.threadRow(threadId);
    this.insertComment(threadId, body, this.ctx.now());
    this.ctx.afterWrite();
    return this.get(threadId);
  }

  setResolved(threadId: string, version: number, resolved: boolean): CommentThread {
    this.ctx.db.transaction(() => {
      assertVersion('This comment thread', version, this.threadRow(threadId).version, () => this.get(threadId));
      this.ctx.db
        .prepare('UPDATE comment_threads SET resolved_at = ?, resolved_by = ?, version = version + 1 WHERE id = ?')
        .run(resolved ? this.ctx.now() : null, resolved ? this.signature() : '', threadId);
    })();
    this.ctx.afterWrite();
    return this.get(threadId);
  }

  deleteThread(threadId: string): void {
    this.threadRow(threadId);
    this.ctx.db.prepare('DELETE FROM comment_threads WHERE id = ?').run(threadId);
    this.ctx.afterWrite();
  }

  /** A shared briefing's threads as its team document holds them (see comments-projection.ts). */
  projectTeam(briefingId: string, threads: readonly TeamThread[]): CommentProjection {
    return projectTeamThreads(this.ctx, briefingId, threads);
  }

  /** The name a comment is signed with when no team account signs it. */
  signature(): string {
    return this.analyst().trim() || UNNAMED;
  }

  private insertComment(threadId: string, body: string, now: string): void {
    this.ctx.db
      .prepare('INSERT INTO comments (id, thread_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(randomUUID(), threadId, this.signature(), body, now);
  }

  private threadRow(id: string): ThreadRow {
    const row = this.ctx.db.prepare('SELECT * FROM comment_threads WHERE id = ?').get(id) as ThreadRow | undefined;
    if (!row) throw new WarrantError('not_found', 'That comment thread no longer exists.');
    return row;
  }

  private toThread(row: ThreadRow, comments: Comment[]): CommentThread {
    return {
      id: row.id,
      briefingId: row.briefing_id,
      anchor: row.anchor,
      quote: row.quote,
      resolvedAt: row.resolved_at,
      resolvedBy: row.resolved_by,
      version: row.version,
      createdAt: row.created_at,
      comments,
    };
  }
}
