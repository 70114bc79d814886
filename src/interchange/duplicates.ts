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
  return { doi: record.doi, url: record.draft.url, title: record.draft.title, publishedDate: record.draft.publishedDate };
}

/** Where an entry's earlier twin is: a source in the library or an earlier entry of the same file. */
export type DuplicateMatch = { in: 'library'; sourceId: string; title: string } | { in: 'file'; ordinal: number; title: string };

/**
 * Remembers the identity keys of the library and of the entries seen so far, and tells whether
 * a new entry repeats one of them. The library wins over the file when both match.
 */
export class DuplicateIndex {
  private readonly library = new Map<string, { sourceId: string; title: string }>();
  private readonly file = new Map<string, { ordinal: number; title: string }>();

  addLibrarySource(sourceId: string, identity: Identity): void {
    for (const { key } of identityKeys(identity)) if (!this.library.has(key)) this.library.set(key, { sourceId, title: identity.title });
  }

  /** The first match for this entry, or null; entries that match nothing are remembered. */
  check(record: ImportRecord): { reason: DuplicateReason; match: DuplicateMatch } | null {
    const keys = identityKeys(recordIdentity(record));
    for (const { reason, key } of keys) {
      const source = this.library.get(key);
      if (source) return { reason, match: { in: 'library', ...source } };
    }
    for (const { reason, key } of keys) {
      const earlier = this.file.get(key);
      if (earlier) return { reason, match: { in: 'file', ...earlier } };
    }
    for (const { key } of keys) this.file.set(key, { ordinal: record.ordinal, title: record.draft.title });
    return null;
  }
}
