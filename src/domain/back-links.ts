import { z } from 'zod';
import { countNoun } from '../text/count-noun';
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

/** One judgement's links to an item and its stance, however many quotes of a source they come through. */
export interface JudgementUse {
  judgementId: string;
  briefingId: string;
  briefingTitle: string;
  statement: string;
  stance: LinkingJudgement['stance'];
  /** The item itself is linked (not only through a quote of it). */
  direct: boolean;
  /** How many quotes of the source carry this stance to the judgement. */
  throughQuotes: number;
}

/**
 * The "Used in" rows for key judgements: one per judgement and stance, in the order they came.
 * A source whose three quotes each support a judgement is one row that says so, not three rows
 * that read alike.
 */
export function judgementUses(links: readonly LinkingJudgement[]): JudgementUse[] {
  const rows = new Map<string, JudgementUse>();
  for (const link of links) {
    const key = `${link.judgementId}:${link.stance}`;
    const row = rows.get(key) ?? {
      judgementId: link.judgementId,
      briefingId: link.briefingId,
      briefingTitle: link.briefingTitle,
      statement: link.statement,
      stance: link.stance,
      direct: false,
      throughQuotes: 0,
    };
    if (link.viaQuoteId === null) row.direct = true;
    else row.throughQuotes += 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** How a judgement's link reaches the item, in words: "", "through a quote", "directly and through 2 quotes". */
export function routeOfUse(use: Pick<JudgementUse, 'direct' | 'throughQuotes'>): string {
  if (use.throughQuotes === 0) return '';
  const through = use.throughQuotes === 1 ? 'through a quote' : `through ${countNoun(use.throughQuotes, 'quote', 'quotes')}`;
  return use.direct ? `directly and ${through}` : through;
}
