import { groupedDigits } from '../text/grouped-digits';
import { z } from 'zod';
import { isPartialIsoDate, isWebUrl } from './field-checks';

export { isPartialIsoDate, isWebUrl } from './field-checks';

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
