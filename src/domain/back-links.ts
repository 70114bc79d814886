import { z } from 'zod';
import { BRIEFING_STATUSES } from './briefing';
import { RecordId } from './fields';
import { STANCES } from './judgement';

/** A briefing whose body cites the item (directly, or through one of a source's quotes). */
export const CitingBriefingSchema = z.object({
  briefingId: RecordId,
  title: z.string(),
  status: z.enum(BRIEFING_STATUSES),
  /** Set when a source is reached through a quote of it. */
  viaQuoteId: RecordId.nullable(),
});
export type CitingBriefing = z.infer<typeof CitingBriefingSchema>;

/** A live judgement linking the item. */
export const LinkingJudgementSchema = z.object({
  judgementId: RecordId,
  briefingId: RecordId,
  briefingTitle: z.string(),
  statement: z.string(),
  stance: z.enum(STANCES),
  viaQuoteId: RecordId.nullable(),
});
export type LinkingJudgement = z.infer<typeof LinkingJudgementSchema>;

/** Everything that uses a quote or a source: the "Used in" area of the library. */
export const BackLinksSchema = z.object({ briefings: z.array(CitingBriefingSchema), judgements: z.array(LinkingJudgementSchema) });
export type BackLinks = z.infer<typeof BackLinksSchema>;
