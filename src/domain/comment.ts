import { z } from 'zod';
import { groupedDigits } from '../text/grouped-digits';
import { RecordId } from './fields';

/** The longest comment kept: a review note, not a second document. */
export const MAX_COMMENT_LENGTH = 10_000;

export const CommentBody = z
  .string()
  .trim()
  .min(1, 'Write the comment first.')
  .max(MAX_COMMENT_LENGTH, `Keep a comment under ${groupedDigits(MAX_COMMENT_LENGTH)} characters.`);

/** The id of the mark in the body that anchors a thread: made by the editor, kept opaque. */
export const CommentAnchor = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'That is not a comment anchor.')
  .describe('The id of the mark around the commented words.');

export const CommentSchema = z.object({
  id: RecordId,
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof CommentSchema>;

export const CommentThreadSchema = z.object({
  id: RecordId,
  briefingId: RecordId,
  anchor: z.string(),
  /** The commented words when the thread began. */
  quote: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  comments: z.array(CommentSchema),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;
