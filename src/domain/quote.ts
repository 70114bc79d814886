import { groupedDigits } from '../text/grouped-digits';
import { z } from 'zod';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from './admiralty';
import { optionalPartialDate, RecordId, shortText, Timestamp } from './fields';
import { TagRefSchema } from './tag';

export { combinedGrade } from './admiralty';

export const MAX_QUOTE_LENGTH = 20_000;

/** Where in the snapshot's extracted text a quote was cut from, in code points. */
export const QuoteSpanSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((span) => span.end > span.start, { message: 'The selection is empty.' });

/**
 * Where on the page or image a quote was selected: PDF points from the page's top-left corner for
 * a PDF page, pixels from the top-left corner for an image (the shape OCR word boxes have).
 */
export const QuoteRegionSchema = z.object({
  x: z.number().int().min(0).max(1_000_000),
  y: z.number().int().min(0).max(1_000_000),
  w: z.number().int().min(0).max(1_000_000),
  h: z.number().int().min(0).max(1_000_000),
});
export type QuoteRegion = z.infer<typeof QuoteRegionSchema>;

export const QuoteDraftSchema = z.object({
  sourceId: RecordId,
  text: z
    .string({ error: 'Enter the quoted text.' })
    .min(1, 'Enter the quoted text.')
    .max(MAX_QUOTE_LENGTH, `Keep a quote under ${groupedDigits(MAX_QUOTE_LENGTH)} characters.`)
    .refine((text) => text.trim() !== '', 'Enter the quoted text.'),
  /** The capture the quote is cut from; the source's current capture when left out (or null). */
  snapshotId: RecordId.nullish(),
  /** Set when the quote was selected in the snapshot: offsets into its text. */
  span: QuoteSpanSchema.nullable().default(null),
  page: z.number().int().min(1, 'Pages start at 1.').max(100_000).nullable().default(null),
  /** Set when the quote was selected on a rendered page or over an image. */
  region: QuoteRegionSchema.nullable().optional(),
  paragraph: shortText(50),
  timestamp: shortText(50),
  speaker: shortText(300),
  dateSaid: optionalPartialDate,
  /** New quotes start ungraded (null): grading is a deliberate act. */
  credibility: z.enum(CREDIBILITY_GRADES, { error: 'Choose a grade from 1 to 6, or leave the quote ungraded.' }).nullable().default(null),
  verbatim: z.boolean().default(true),
  note: z.string().max(50_000, 'Keep the note under 50,000 characters.').default(''),
});
export type QuoteDraftInput = z.input<typeof QuoteDraftSchema>;
export type QuoteDraft = z.output<typeof QuoteDraftSchema>;

/**
 * Whether the quote still matches the snapshot it was cut from: `verified` when the text at
 * its offsets is exactly the quote, `mismatch` when not (flagged, never silently fixed),
 * `unanchored` when it was typed rather than selected, `snapshot-altered` when the snapshot's
 * bytes no longer match the SHA-256 recorded at capture (the text offsets prove nothing then).
 */
export const IntegritySchema = z.enum(['verified', 'mismatch', 'unanchored', 'snapshot-altered']);
export type Integrity = z.infer<typeof IntegritySchema>;

export const QuoteSchema = z.object({
  id: RecordId,
  sourceId: RecordId,
  /** The capture the quote was cut from (or that was current when it was written); null when the source had none. */
  snapshotId: RecordId.nullable(),
  sourceTitle: z.string(),
  sourceReliability: z.enum(RELIABILITY_GRADES).nullable(),
  text: z.string(),
  span: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  page: z.number().int().nullable(),
  region: QuoteRegionSchema.nullable(),
  paragraph: z.string(),
  timestamp: z.string(),
  speaker: z.string(),
  dateSaid: z.string().nullable(),
  credibility: z.enum(CREDIBILITY_GRADES).nullable(),
  verbatim: z.boolean(),
  note: z.string(),
  tags: z.array(TagRefSchema),
  integrity: IntegritySchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Grows with every edit; an edit carries the version it started from (see `quotes.update`). */
  version: z.number().int().min(1),
});
export type Quote = z.infer<typeof QuoteSchema>;
