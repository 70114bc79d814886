import type { SearchResults } from '../../src/domain/search';
import { MATCH_END, MATCH_START } from '../../src/domain/snippet';
import { cleanDoi } from '../../src/interchange/identifiers';

type SourceItem = SearchResults['sources']['items'][number];

/** A source found by the identifier it carries, as the lookup's statement reads it. */
export type IdentifiedSource = Omit<SourceItem, 'snippet'> & { identifier: string };

/** A search that is an ISBN and nothing else ("ISBN 978-1-59420-006-9", "0-14-303465-2"), as its bare digits; null for any other text. */
export function searchedIsbn(text: string): string | null {
  const compact = text
    .trim()
    .replace(/^ISBN(?:-1[03])?:?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  return /^(?:\d{9}[\dX]|97[89]\d{10})$/.test(compact) ? compact : null;
}

/**
 * How to find the sources that carry the DOI or ISBN a search is, or null when the search is
 * neither. Identifiers stay out of the word index (an import keeps them for export and duplicate
 * checks), so a pasted DOI would find nothing by its words; it is looked up as itself instead,
 * within the same filters as the rest of the search. DOIs compare without regard to case, and
 * ISBNs without their hyphens, as the duplicate checks compare them.
 */
export function identifierLookup(
  text: string,
  filterOf: () => { where: string; params: unknown[] } | null,
): { sql: string; params: unknown[]; label: string } | null {
  const doi = cleanDoi(text);
  const isbn = doi === null ? searchedIsbn(text) : null;
  if (doi === null && isbn === null) return null;
  const filter = filterOf();
  const [column, match, label] =
    doi !== null
      ? ['s.doi', 'lower(s.doi) = lower(?)', 'doi:']
      : ['s.isbn', "upper(replace(replace(s.isbn, '-', ''), ' ', '')) = ?", 'ISBN '];
  const where = [`s.deleted_at IS NULL`, `${column} IS NOT NULL`, match, ...(filter ? [filter.where] : [])].join(' AND ');
  return {
    sql: `SELECT s.id, s.title, s.kind, s.reliability, ${column} AS identifier FROM sources s WHERE ${where} ORDER BY s.num DESC LIMIT 20`,
    params: [doi ?? isbn, ...(filter?.params ?? [])],
    label,
  };
}

/** The sources found by identifier, first, then the word search's own, each once and no more than `limit`. */
export function withIdentified(
  identified: readonly IdentifiedSource[],
  label: string,
  found: SearchResults['sources'],
  limit: number,
): SearchResults['sources'] {
  if (identified.length === 0) return found;
  const ids = new Set(identified.map((source) => source.id));
  const first = identified.map(({ identifier, ...source }) => ({ ...source, snippet: `${label}${MATCH_START}${identifier}${MATCH_END}` }));
  const rest = found.items.filter((item) => !ids.has(item.id));
  const alsoFound = found.items.length - rest.length;
  return { ...found, items: [...first, ...rest].slice(0, limit), total: found.total + identified.length - alsoFound };
}
