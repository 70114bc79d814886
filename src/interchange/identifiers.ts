/**
 * DOIs as exports give them: bare (`10.1000/xyz`), short (`10/fqd6hj`), with a `doi:` or
 * `info:doi/` prefix, or as a resolver address (doi.org, dx.doi.org, doi.acm.org), maybe
 * percent-encoded. All come out bare; DOIs compare case-insensitively, so the case is kept.
 */
const DOI_PREFIX = /^(?:https?:\/\/(?:www\.)?(?:dx\.)?doi\.(?:org|acm\.org)\/|info:doi\/|doi:\s*)/i;

export function cleanDoi(value: string): string | null {
  let doi = value.trim().replace(DOI_PREFIX, '');
  if (/%[0-9A-Fa-f]{2}/.test(doi)) {
    try {
      doi = decodeURIComponent(doi);
    } catch {
      // A stray % is part of the DOI as written.
    }
  }
  return /^10(?:\.\d+(?:\.\d+)*)?\/\S+$/.test(doi) && doi.length <= 300 ? doi : null;
}

/** A DOI hidden in a resolver address (a URL field pointing at doi.org), or null. */
export function doiFromUrl(url: string): string | null {
  return DOI_PREFIX.test(url.trim()) && /^https?:/i.test(url.trim()) ? cleanDoi(url) : null;
}

export function firstIsbn(value: string): string | null {
  const match = /(?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx]/.exec(value);
  return match ? match[0].replace(/\s/g, '') : null;
}
