import { groupedDigits } from '../text/grouped-digits';
import { z } from 'zod';

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

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Optional web address: blank becomes null; anything else must be an http(s) URL. */
export const optionalWebUrl = z
  .string()
  .nullish()
  .transform(blankToNull)
  .superRefine((value, ctx) => {
    if (value === null) return;
    if (value.length > 4000) ctx.addIssue({ code: 'custom', message: 'Keep the address under 4,000 characters.' });
    else if (!isWebUrl(value)) ctx.addIssue({ code: 'custom', message: 'Enter a web address starting with http:// or https://.' });
  });

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

export const optionalPartialDate = z
  .string()
  .nullish()
  .transform(blankToNull)
  .refine((value) => value === null || isPartialIsoDate(value), {
    message: 'Use YYYY, YYYY-MM or YYYY-MM-DD with a real date.',
  });

/** Short free text (names, publishers): trimmed, blank allowed. */
export function shortText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Keep this under ${groupedDigits(max)} characters.`)
    .default('');
}

/** Stable record identifier issued by the store. */
export const RecordId = z.string().min(1).max(64);

/** ISO-8601 timestamp issued by the store. */
export const Timestamp = z.string().min(1);
