import type { SourceFilter, SourceSortKey } from '../../src/domain/source';
import { parseRoute } from './routes';

/** Rows per page of the library's list. */
export const PAGE_SIZE = 100;

/** The order the library opens in. */
export const FIRST_ORDER: { sort: SourceSortKey; direction: 'asc' | 'desc' } = { sort: 'updated', direction: 'desc' };

/** The input of one page of the library's list, as the list asks it. */
export function sourcePageInput(filter: SourceFilter, sort: SourceSortKey, direction: 'asc' | 'desc', page: number) {
  return { filter, sort, direction, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
}

/**
 * What the page's start asks before anything else, when it opens on the library: the host's
 * info, and the library's first page and tags. An address without a view (a fresh start) opens
 * on the last place, which is most often the library; the two reads are then sent on that guess.
 */
export function firstReads(fragment: string): { name: string; input: unknown }[] {
  const info = { name: 'host.info', input: {} };
  if (parseRoute(fragment).view !== 'library') return [info];
  return [
    info,
    { name: 'sources.list', input: sourcePageInput({}, FIRST_ORDER.sort, FIRST_ORDER.direction, 0) },
    { name: 'tags.list', input: {} },
  ];
}
