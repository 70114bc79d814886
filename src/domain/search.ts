import { z } from 'zod';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from './admiralty';
import { RecordId } from './fields';
import { SOURCE_KINDS, SourceFilterSchema } from './source';

export { MATCH_END, MATCH_START, snippetParts } from './snippet';

export const SearchQuerySchema = z
  .object({
    text: z.string().max(2000, 'Search for something shorter.'),
    filter: SourceFilterSchema.default({}),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();
export type SearchQuery = z.input<typeof SearchQuerySchema>;

/**
 * How a group is ordered: by relevance (bm25), or newest first when a word is so common that
 * ranking every match would hold up typing.
 */
export const SEARCH_ORDERS = ['relevance', 'newest'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

const GroupMeta = { total: z.number().int().min(0), capped: z.boolean(), order: z.enum(SEARCH_ORDERS) };

export const SearchResultsSchema = z.object({
  sources: z.object({
    items: z.array(
      z.object({
        id: RecordId,
        title: z.string(),
        kind: z.enum(SOURCE_KINDS),
        reliability: z.enum(RELIABILITY_GRADES).nullable(),
        snippet: z.string(),
      }),
    ),
    ...GroupMeta,
  }),
  quotes: z.object({
    items: z.array(
      z.object({
        id: RecordId,
        sourceId: RecordId,
        sourceTitle: z.string(),
        reliability: z.enum(RELIABILITY_GRADES).nullable(),
        credibility: z.enum(CREDIBILITY_GRADES).nullable(),
        snippet: z.string(),
      }),
    ),
    ...GroupMeta,
  }),
});
export type SearchResults = z.infer<typeof SearchResultsSchema>;
