import { z } from 'zod';
import { BRIEFING_STATUSES } from './briefing';
import { RecordId } from './fields';
import { SearchResultsSchema } from './search';

/** Briefings matching a library search, by title and body text. */
export const BriefingHitsSchema = z.object({
  items: z.array(
    z.object({ id: RecordId, title: z.string(), typeName: z.string(), status: z.enum(BRIEFING_STATUSES), snippet: z.string() }),
  ),
  total: z.number().int().min(0),
  capped: z.boolean(),
});
export type BriefingHits = z.infer<typeof BriefingHitsSchema>;

/** What `search.query` answers: the library's groups plus briefings. */
export const SearchWithBriefingsSchema = SearchResultsSchema.extend({ briefings: BriefingHitsSchema });
export type SearchWithBriefings = z.infer<typeof SearchWithBriefingsSchema>;
