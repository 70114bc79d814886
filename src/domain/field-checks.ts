// Plain checks, free of zod: the library's filters use them on the first page, which loads no schema.

/** Schemes a stored link may use; anything else (javascript:, file:, data:…) is refused. */
const WEB_SCHEMES = new Set(['http:', 'https:']);

/** True for an absolute http(s) URL, judged by the WHATWG parser rather than by prefix. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return WEB_SCHEMES.has(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Accepts YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date; analysts often know only the year. */
export function isPartialIsoDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const year = Number(match[1]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
