// The workbench's side of a shared briefing's review threads: its `comments/<briefing id>`
// document is the truth, the comment tables its projection. A local comment, reply or resolve
// becomes a document change (journaled and sent by the hub), then the tables are projected from
// the document at once so the handler answers with what the analyst just did; changes from the
// team are projected in one transaction per batch.
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import type { CommentThread } from '../../src/domain/comment';
import {
  addReply,
  deleteThread,
  readThreads,
  seedThreads,
  setThreadResolved,
  startThread,
  teamThreadOf,
} from '../../src/team/comments-document';
import type { TeamRole } from '../../src/team/permissions';
import { commentsDocumentName } from './shared-briefings';

/** Where the team's documents come from: the hub, or a plain Y.Doc per name in tests. */
export interface TeamDocumentSource {
  openDocument(name: string): Promise<Y.Doc>;
  /** Names of the documents the workspace file holds (opened here at least once). */
  documentNames(): readonly string[];
}

export interface CommentsSyncOptions {
  readonly workspace: () => Workspace;
  readonly documents: TeamDocumentSource;
  /** The team account this workbench signs with, and what it may do. */
  readonly account: () => { user: string; role: TeamRole };
  /** Told after team changes reached a briefing's tables (the host tells the page to read again). */
  readonly onProjected?: (briefingId: string) => void;
}

/** Marks this workbench's own transactions, so their projection is not repeated by the observer. */
const LOCAL = Symbol('local comment change');

export { commentsDocumentName };

export class CommentsSync {
  private readonly attached = new Map<string, Promise<Y.Doc>>();
  private readonly scheduled = new Set<string>();
  /** Briefings whose threads arrived before the briefing itself did: projected again at the next attach. */
  private readonly unplaced = new Set<string>();

  constructor(private readonly options: CommentsSyncOptions) {}

  /**
   * Opens a briefing's comments document and keeps the tables following it (idempotent; the
   * document stays open as long as the hub does). The first time this workspace opens it, the
   * briefing has just been shared (here or by a teammate): the threads written before sharing are
   * seeded into it, ids kept, so a thread two workbenches both hold is not doubled. Never later:
   * seeding again would bring back threads the team has since deleted.
   */
  attach(briefingId: string): Promise<Y.Doc> {
    const held = this.attached.get(briefingId);
    if (held) return this.unplaced.has(briefingId) ? held.then((doc) => (this.project(briefingId, doc), doc)) : held;
    const name = commentsDocumentName(briefingId);
    const firstTime = !this.options.documents.documentNames().includes(name);
    const opening = this.options.documents.openDocument(name).then((doc) => {
      if (firstTime) seedThreads(doc, this.options.workspace().comments.list(briefingId).map(teamThreadOf), LOCAL);
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (transaction.origin !== LOCAL && transaction.changed.size > 0) this.schedule(briefingId, doc);
      });
      this.project(briefingId, doc);
      return doc;
    });
    opening.catch(() => this.attached.delete(briefingId));
    this.attached.set(briefingId, opening);
    return opening;
  }

  async start(briefingId: string, anchor: string, quote: string, body: string): Promise<CommentThread> {
    const doc = await this.writable(briefingId);
    const at = new Date().toISOString();
    const id = randomUUID();
    const author = this.options.account().user;
    const thread = { id, anchor, quote, createdAt: at, status: 'open' as const, resolvedAt: null, resolvedBy: '', replies: [] };
    if (!startThread(doc, { ...thread, replies: [{ id: randomUUID(), author, at, text: body }] }, LOCAL)) {
      throw new WarrantError('invalid_input', 'Those words already have a comment thread: answer it instead.');
    }
    return this.projected(briefingId, doc, id);
  }

  async reply(threadId: string, body: string): Promise<CommentThread> {
    const { briefingId, doc } = await this.threadDocument(threadId);
    const reply = { id: randomUUID(), author: this.options.account().user, at: new Date().toISOString(), text: body };
    if (!addReply(doc, threadId, reply, LOCAL)) throw this.gone();
    return this.projected(briefingId, doc, threadId);
  }

  /** In a team a resolve is a document change, never a conflict: the last one to arrive stands. */
  async setResolved(threadId: string, resolved: boolean): Promise<CommentThread> {
    const { briefingId, doc } = await this.threadDocument(threadId);
    const resolution = { resolved, by: this.options.account().user, at: new Date().toISOString() };
    if (!setThreadResolved(doc, threadId, resolution, LOCAL)) throw this.gone();
    return this.projected(briefingId, doc, threadId);
  }

  async deleteThread(threadId: string): Promise<void> {
    const { briefingId, doc } = await this.threadDocument(threadId);
    deleteThread(doc, threadId, LOCAL);
    this.project(briefingId, doc);
  }

  private async writable(briefingId: string): Promise<Y.Doc> {
    if (this.options.account().role === 'reader') {
      throw new WarrantError('unauthorized', 'Your team account is a reader’s: it can read the comments, not write them.');
    }
    return this.attach(briefingId);
  }

  private async threadDocument(threadId: string): Promise<{ briefingId: string; doc: Y.Doc }> {
    const { briefingId } = this.options.workspace().comments.get(threadId);
    return { briefingId, doc: await this.writable(briefingId) };
  }

  private projected(briefingId: string, doc: Y.Doc, threadId: string): CommentThread {
    this.project(briefingId, doc);
    return this.options.workspace().comments.get(threadId);
  }

  private gone(): WarrantError {
    return new WarrantError('not_found', 'That comment thread was deleted by someone in the team.');
  }

  /** Many updates arriving together (a reconnect after days offline) are projected once. */
  private schedule(briefingId: string, doc: Y.Doc): void {
    if (this.scheduled.has(briefingId)) return;
    this.scheduled.add(briefingId);
    setImmediate(() => {
      this.scheduled.delete(briefingId);
      if (this.project(briefingId, doc)) this.options.onProjected?.(briefingId);
    });
  }

  private project(briefingId: string, doc: Y.Doc): boolean {
    const { briefingKnown, changed } = this.options.workspace().comments.projectTeam(briefingId, readThreads(doc));
    if (briefingKnown) this.unplaced.delete(briefingId);
    else this.unplaced.add(briefingId);
    return changed;
  }
}
