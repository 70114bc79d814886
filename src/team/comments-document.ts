// A briefing's review threads as a Yjs document (`comments/<briefing id>`), apart from its body so
// that a reviewer's write permission can stop at them (ARCHITECTURE.md, "Team workspaces").
//
// Shape: the root map `threads` holds one Y.Map per thread, keyed by the thread's id, with one
// entry per field (last writer wins per field) and its replies in a Y.Array that only grows, so
// two people answering at once both keep their answer. The words a thread is about are marked in
// the body by a mark whose id is `anchor`; the document holds only that id and the quoted words.
import * as Y from 'yjs';
import { z } from 'zod';
import { CommentAnchor, MAX_COMMENT_LENGTH, type CommentThread } from '../domain/comment';

export const THREADS_KEY = 'threads';

export interface TeamReply {
  readonly id: string;
  readonly author: string;
  /** ISO time the reply was written. */
  readonly at: string;
  readonly text: string;
}

export interface TeamThread {
  readonly id: string;
  readonly anchor: string;
  readonly quote: string;
  readonly createdAt: string;
  readonly status: 'open' | 'resolved';
  readonly resolvedAt: string | null;
  readonly resolvedBy: string;
  /** The first is the comment that began the thread. */
  readonly replies: readonly TeamReply[];
}

// Anyone allowed to write a comments document (a reviewer, or a modified client) can put anything
// in it: what does not fit these shapes is left out of the workspace, never trusted.
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const Time = z.string().min(1).max(40);
const Name = z.string().max(200);
const ReplySchema = z.object({
  id: Id,
  author: Name,
  at: Time,
  text: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
});
const ThreadFieldsSchema = z.object({
  anchor: CommentAnchor,
  quote: z.string().max(2_000),
  createdAt: Time,
  status: z.enum(['open', 'resolved']),
  resolvedAt: Time.nullable(),
  resolvedBy: Name,
});

/** A workspace thread (from the comments tables) as the document holds it. */
export function teamThreadOf(thread: CommentThread): TeamThread {
  return {
    id: thread.id,
    anchor: thread.anchor,
    quote: thread.quote,
    createdAt: thread.createdAt,
    status: thread.resolvedAt === null ? 'open' : 'resolved',
    resolvedAt: thread.resolvedAt,
    resolvedBy: thread.resolvedBy,
    replies: thread.comments.map((comment) => ({ id: comment.id, author: comment.author, at: comment.createdAt, text: comment.body })),
  };
}

function threadsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(THREADS_KEY);
}

function readReplies(value: unknown): TeamReply[] {
  if (!(value instanceof Y.Array)) return [];
  const seen = new Set<string>();
  const replies: TeamReply[] = [];
  for (const item of value.toArray()) {
    const parsed = ReplySchema.safeParse(item);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    replies.push(parsed.data);
  }
  return replies;
}

/** One thread as the document holds it, or null when its entry is not a well-formed thread. */
export function readThread(id: string, entry: unknown): TeamThread | null {
  if (!Id.safeParse(id).success || !(entry instanceof Y.Map)) return null;
  const fields = ThreadFieldsSchema.safeParse({
    anchor: entry.get('anchor'),
    quote: entry.get('quote'),
    createdAt: entry.get('createdAt'),
    status: entry.get('status'),
    resolvedAt: entry.get('resolvedAt') ?? null,
    resolvedBy: entry.get('resolvedBy') ?? '',
  });
  if (!fields.success) return null;
  const replies = readReplies(entry.get('replies'));
  // A thread is its first comment: without one there is nothing to show.
  if (replies.length === 0) return null;
  const resolved = fields.data.status === 'resolved';
  return {
    id,
    ...fields.data,
    resolvedAt: resolved ? (fields.data.resolvedAt ?? fields.data.createdAt) : null,
    resolvedBy: resolved ? fields.data.resolvedBy : '',
    replies,
  };
}

/**
 * Every well-formed thread, oldest first (ties by id, so every workbench orders them alike). Two
 * threads on one anchor (only a modified client makes them) keep the older: the tables allow one.
 */
export function readThreads(doc: Y.Doc): TeamThread[] {
  const threads: TeamThread[] = [];
  threadsMap(doc).forEach((entry, id) => {
    const thread = readThread(id, entry);
    if (thread) threads.push(thread);
  });
  threads.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
  const anchors = new Set<string>();
  return threads.filter((thread) => {
    if (anchors.has(thread.anchor)) return false;
    anchors.add(thread.anchor);
    return true;
  });
}

function replyEntry(reply: TeamReply): TeamReply {
  return { id: reply.id, author: reply.author, at: reply.at, text: reply.text };
}

function writeThread(map: Y.Map<Y.Map<unknown>>, thread: TeamThread): void {
  const entry = new Y.Map<unknown>();
  entry.set('anchor', thread.anchor);
  entry.set('quote', thread.quote);
  entry.set('createdAt', thread.createdAt);
  entry.set('status', thread.status);
  entry.set('resolvedAt', thread.resolvedAt);
  entry.set('resolvedBy', thread.resolvedBy);
  const replies = new Y.Array<TeamReply>();
  replies.push(thread.replies.map(replyEntry));
  entry.set('replies', replies);
  map.set(thread.id, entry);
}

/**
 * Puts the workspace's own threads of a briefing into its document when the briefing is shared.
 * Ids are kept, so seeding twice (or from two workbenches holding the same threads) adds nothing
 * twice: a thread already there gains only the replies it lacks.
 */
export function seedThreads(doc: Y.Doc, threads: readonly TeamThread[], origin?: unknown): void {
  doc.transact(() => {
    const map = threadsMap(doc);
    for (const thread of threads) {
      const held = map.get(thread.id);
      if (!(held instanceof Y.Map)) {
        writeThread(map, thread);
        continue;
      }
      const replies = held.get('replies');
      if (!(replies instanceof Y.Array)) continue;
      const present = new Set(readReplies(replies).map((reply) => reply.id));
      const missing = thread.replies.filter((reply) => !present.has(reply.id));
      if (missing.length > 0) replies.push(missing.map(replyEntry));
    }
  }, origin);
}

/** Begins a thread; false when one is already there on that anchor or with that id. */
export function startThread(doc: Y.Doc, thread: TeamThread, origin?: unknown): boolean {
  if (threadsMap(doc).has(thread.id) || readThreads(doc).some((held) => held.anchor === thread.anchor)) return false;
  doc.transact(() => writeThread(threadsMap(doc), thread), origin);
  return true;
}

function heldThread(doc: Y.Doc, threadId: string): Y.Map<unknown> | null {
  const entry = threadsMap(doc).get(threadId);
  return entry instanceof Y.Map && readThread(threadId, entry) ? entry : null;
}

/** Answers a thread; false when the document holds no such thread. */
export function addReply(doc: Y.Doc, threadId: string, reply: TeamReply, origin?: unknown): boolean {
  const replies = heldThread(doc, threadId)?.get('replies');
  if (!(replies instanceof Y.Array)) return false;
  doc.transact(() => replies.push([replyEntry(reply)]), origin);
  return true;
}

/** Resolves (with who and when) or reopens a thread; false when the document holds no such thread. */
export function setThreadResolved(
  doc: Y.Doc,
  threadId: string,
  resolution: { resolved: boolean; by: string; at: string },
  origin?: unknown,
): boolean {
  const entry = heldThread(doc, threadId);
  if (!entry) return false;
  doc.transact(() => {
    entry.set('status', resolution.resolved ? 'resolved' : 'open');
    entry.set('resolvedAt', resolution.resolved ? resolution.at : null);
    entry.set('resolvedBy', resolution.resolved ? resolution.by : '');
  }, origin);
  return true;
}

/** Deletes a thread with its replies; false when it was not there. */
export function deleteThread(doc: Y.Doc, threadId: string, origin?: unknown): boolean {
  if (!threadsMap(doc).has(threadId)) return false;
  doc.transact(() => threadsMap(doc).delete(threadId), origin);
  return true;
}
