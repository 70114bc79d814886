import { z } from 'zod';
import { RecordId, Timestamp } from './fields';

/** Kinds of record that can sit in the trash; later features add theirs here. */
export const TRASHABLE_KINDS = ['source', 'quote', 'briefing', 'judgement'] as const;

export const TrashRefSchema = z.object({ kind: z.enum(TRASHABLE_KINDS), id: RecordId });
export type TrashRef = z.infer<typeof TrashRefSchema>;

export const TrashItemSchema = TrashRefSchema.extend({
  label: z.string(),
  deletedAt: Timestamp,
  /** What went with it (a source takes its quotes along). */
  detail: z.string(),
});
export type TrashItem = z.infer<typeof TrashItemSchema>;

export const TRASH_KIND_LABELS: Readonly<Record<TrashRef['kind'], string>> = {
  source: 'Source',
  quote: 'Quote',
  briefing: 'Briefing',
  judgement: 'Key judgement',
};
