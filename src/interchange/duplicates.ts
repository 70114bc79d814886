import type { ImportRecord } from './record';

/** Why two entries are taken for the same work. */
export type DuplicateReason = 'doi' | 'url' | 'title-year';

export const DUPLICATE_REASON_LABELS: Readonly<Record<DuplicateReason, string>> = {
  doi: 'same DOI',
  url: 'same web address',
  'title-year': 'same title and year',
};

/** What duplicate detection needs to know about a source or an entry. */
export interface Identity {
  doi: string | null;
  isbn: string | null;
  url: string | null;
  title: string;
  publishedDate: string | null;
}

const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/i;

/** A URL as compared: scheme-agnostic, host lower-cased without www., no fragment, tracking or trailing slash. */
export function normaliseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port ? `:${url.port}` : '';
  const path = (url.pathname || '/').replace(/\/+$/, '');
  const query = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !TRACKING_PARAM.test(pair.split('=')[0] ?? ''))
    .sort()
    .join('&');
  return `${host}${port}${path}${query ? `?${query}` : ''}`;
}

/** A title as compared: case, accents, punctuation and spacing do not count. */
export function normaliseTitle(value: string): string {
  // Printable ASCII has no accents to fold: the Unicode passes give the same result, slower.
  if (/^[\x20-\x7e]*$/.test(value))
    return value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The keys under which an entry or source is looked up for duplicates, strongest first. */
export function identityKeys(identity: Identity): { reason: DuplicateReason; key: string }[] {
  const keys: { reason: DuplicateReason; key: string }[] = [];
  if (identity.doi) keys.push({ reason: 'doi', key: `doi:${identity.doi.toLowerCase()}` });
  const url = identity.url ? normaliseUrl(identity.url) : null;
  if (url) keys.push({ reason: 'url', key: `url:${url}` });
  const title = normaliseTitle(identity.title);
  const year = identity.publishedDate?.slice(0, 4);
  if (title !== '' && year) keys.push({ reason: 'title-year', key: `ty:${year}:${title}` });
  return keys;
}

export function recordIdentity(record: ImportRecord): Identity {
  return {
    doi: record.doi,
    isbn: record.isbn,
    url: record.draft.url,
    title: record.draft.title,
    publishedDate: record.draft.publishedDate,
  };
}

/** Where an entry's earlier twin is: a source in the library or an earlier entry of the same file. */
export type DuplicateMatch = { in: 'library'; sourceId: string; title: string } | { in: 'file'; ordinal: number; title: string };

/** A match, and whether it is only possible (a shared web address: chapters share a book's page). */
export interface FoundMatch {
  reason: DuplicateReason;
  possible: boolean;
  match: DuplicateMatch;
}

type Identifiers = Pick<Identity, 'doi' | 'isbn'>;

const differ = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && a.toLowerCase().replace(/-/g, '') !== b.toLowerCase().replace(/-/g, '');

/**
 * Two works that both carry a DOI (or an ISBN) and carry different ones are different works,
 * whatever their address or title says: a preprint and its journal version, two chapters.
 */
function vetoed(a: Identifiers, b: Identifiers): boolean {
  return differ(a.doi, b.doi) || differ(a.isbn, b.isbn);
}

/** The strongest match among keys: a DOI or title match is sure, an address alone only possible. */
function strongest<T extends Identifiers>(
  keys: readonly { reason: DuplicateReason; key: string }[],
  table: ReadonlyMap<string, T>,
  self: Identifiers,
): { reason: DuplicateReason; found: T } | null {
  let possible: { reason: DuplicateReason; found: T } | null = null;
  for (const { reason, key } of keys) {
    const found = table.get(key);
    if (!found || (reason !== 'doi' && vetoed(self, found))) continue;
    if (reason !== 'url') return { reason, found };
    possible ??= { reason, found };
  }
  return possible;
}

const found = (reason: DuplicateReason, match: DuplicateMatch): FoundMatch => ({ reason, possible: reason === 'url', match });

/**
 * Remembers the identity keys of the library and of the entries seen so far, and tells whether
 * a new entry repeats one of them. A sure match in the library wins over one in the file.
 */
export class DuplicateIndex {
  private readonly library = new Map<string, Identifiers & { sourceId: string; title: string }>();
  private readonly file = new Map<string, Identifiers & { ordinal: number; title: string }>();

  addLibrarySource(sourceId: string, identity: Identity): void {
    for (const { key } of identityKeys(identity))
      if (!this.library.has(key)) this.library.set(key, { sourceId, title: identity.title, doi: identity.doi, isbn: identity.isbn });
  }

  /** The strongest match for this entry, or null; every entry is remembered for those after it. */
  check(record: ImportRecord): FoundMatch | null {
    const identity = recordIdentity(record);
    const keys = identityKeys(identity);
    const inLibrary = strongest(keys, this.library, identity);
    const inFile = inLibrary && inLibrary.reason !== 'url' ? null : strongest(keys, this.file, identity);
    for (const { key } of keys)
      if (!this.file.has(key))
        this.file.set(key, { ordinal: record.ordinal, title: record.draft.title, doi: record.doi, isbn: record.isbn });
    // An earlier entry of the file matched for sure beats the library matched by address only.
    if (inFile && (inLibrary === null || inFile.reason !== 'url'))
      return found(inFile.reason, { in: 'file', ordinal: inFile.found.ordinal, title: inFile.found.title });
    if (inLibrary) return found(inLibrary.reason, { in: 'library', sourceId: inLibrary.found.sourceId, title: inLibrary.found.title });
    return null;
  }
}
