/**
 * Stands in for `node-fetch` and `sync-fetch` in the desktop bundle. citation-js imports them
 * for its "fetch a DOI or URL" inputs, which Warrant never uses: the app works offline, so the
 * bundle ships no HTTP client at all, and any attempt fails loudly.
 */
const OFFLINE = 'Warrant works offline: citation-js may not fetch anything.';

/** Only ever met in `instanceof` checks (which fail); building one is a fetch being prepared. */
export function Headers(): never {
  throw new Error(OFFLINE);
}

export default function refuseToFetch(): never {
  throw new Error(OFFLINE);
}

// sync-fetch's interface hangs Headers off the function itself.
Object.assign(refuseToFetch, { Headers });
