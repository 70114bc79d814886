import { z } from 'zod';
import { CommentAnchor, CommentBody, CommentThreadSchema } from '../../domain/comment';
import { RecordId } from '../../domain/fields';
import { BriefingAccessSchema } from '../../team/comments-access';
import { command, query } from '../define';
import { EditVersion } from './shared';

/** Review comments: threads anchored to words of a briefing, answered, resolved and reopened. */
export const COMMENTS_OPERATIONS = {
  'comments.list': query(
    'A briefing’s comment threads, oldest first, each with its comments.',
    z.object({ briefingId: RecordId }).strict(),
    z.object({ items: z.array(CommentThreadSchema) }),
  ),
  'comments.access': query(
    'What this workbench may do in a briefing: change its text, comment on it (a team role may allow less), and why not.',
    z.object({ briefingId: RecordId }).strict(),
    BriefingAccessSchema,
  ),
  'comments.openCounts': query(
    'How many unresolved threads each briefing has (briefings with none are left out).',
    z.object({}).strict(),
    z.object({ counts: z.record(z.string(), z.number().int()) }),
  ),
  'comments.start': command(
    'Begin a thread on the words a mark in the body covers, with its first comment (signed with the analyst’s name).',
    z.object({ briefingId: RecordId, anchor: CommentAnchor, quote: z.string().max(2_000), body: CommentBody }).strict(),
    CommentThreadSchema,
  ),
  'comments.reply': command('Answer a thread.', z.object({ threadId: RecordId, body: CommentBody }).strict(), CommentThreadSchema),
  'comments.setResolved': command(
    'Resolve a thread or reopen it, if it is still at `version`.',
    z.object({ threadId: RecordId, version: EditVersion, resolved: z.boolean() }).strict(),
    CommentThreadSchema,
  ),
  'comments.deleteThread': command(
    'Delete a thread with its comments (the mark in the body is removed by the editor).',
    z.object({ threadId: RecordId }).strict(),
    z.object({ deleted: z.literal(true) }),
  ),
} as const;
