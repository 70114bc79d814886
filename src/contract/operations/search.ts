import { SearchWithBriefingsSchema } from '../../domain/briefing-search';
import { SearchQuerySchema } from '../../domain/search';
import { query } from '../define';

/** Search across the workspace. */
export const SEARCH_OPERATIONS = {
  'search.query': query(
    'Search sources, quotes and briefings as you type, grouped and ranked, with filters.',
    SearchQuerySchema,
    SearchWithBriefingsSchema,
  ),
} as const;
