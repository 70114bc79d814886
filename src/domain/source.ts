import { groupedDigits } from '../text/grouped-digits';
import { z } from 'zod';
import { RELIABILITY_GRADES } from './admiralty';
import { isPartialIsoDate } from './field-checks';
import { optionalPartialDate, optionalWebUrl, RecordId, shortText, Timestamp } from './fields';
import { SOURCE_KINDS, SOURCE_SORT_KEYS } from './source-kinds';
import { TagRefSchema } from './tag';

export { SOURCE_KIND_LABELS, SOURCE_KINDS, SOURCE_SORT_KEYS, type SourceKind, type SourceSortKey } from './source-kinds';

export const MAX_TITLE_LENGTH = 1000;
export const MAX_NOTES_LENGTH = 200_000;

/** What an analyst enters for a source; the store adds identity and timestamps. */
export const SourceDraftSchema = z.object({
  title: z
    .string({ error: 'Give the source a title.' })
    .trim()
    .min(1, 'Give the source a title.')
    .max(MAX_TITLE_LENGTH, `Keep the title under ${groupedDigits(MAX_TITLE_LENGTH)} characters.`),
  kind: z.enum(SOURCE_KINDS, { error: 'Choose one of the listed kinds.' }).default('other'),
  url: optionalWebUrl,
  author: shortText(500),
  publisher: shortText(500),
  publishedDate: optionalPartialDate,
  accessedDate: optionalPartialDate,
  language: shortText(35),
  /** New sources start ungraded (null): a grade is always a deliberate choice. */
  reliability: z.enum(RELIABILITY_GRADES, { error: 'Choose a grade from A to F, or leave the source ungraded.' }).nullable().default(null),
  notes: z
    .string()
    .max(MAX_NOTES_LENGTH, `Keep notes under ${groupedDigits(MAX_NOTES_LENGTH)} characters.`)
    .default(''),
});
export type SourceDraftInput = z.input<typeof SourceDraftSchema>;
export type SourceDraft = z.output<typeof SourceDraftSchema>;

export const SourceSchema = z.object({
  id: RecordId,
  title: z.string(),
  kind: z.enum(SOURCE_KINDS),
  url: z.string().nullable(),
  author: z.string(),
  publisher: z.string(),
  publishedDate: z.string().nullable(),
  accessedDate: z.string().nullable(),
  language: z.string(),
  reliability: z.enum(RELIABILITY_GRADES).nullable(),
  notes: z.string(),
  tags: z.array(TagRefSchema),
  hasSnapshot: z.boolean(),
  /** The work's identifiers, as an import read them (a DOI without its resolver address); kept for export and duplicate checks. */
  doi: z.string().nullable(),
  isbn: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Grows with every edit; an edit carries the version it started from (see `sources.update`). */
  version: z.number().int().min(1),
});
export type Source = z.infer<typeof SourceSchema>;

/** Narrows the library; every part is optional and they combine with AND. */
export const SourceFilterSchema = z
  .object({
    kinds: z.array(z.enum(SOURCE_KINDS)).max(SOURCE_KINDS.length).optional(),
    /** Grades to include; 'ungraded' stands for sources without one. */
    reliability: z
      .array(z.enum([...RELIABILITY_GRADES, 'ungraded']))
      .max(7)
      .optional(),
    /** A tag id: sources with this tag or any tag below it. */
    tagId: RecordId.optional(),
    publishedFrom: z.string().refine(isPartialIsoDate, 'Use YYYY, YYYY-MM or YYYY-MM-DD.').optional(),
    publishedTo: z.string().refine(isPartialIsoDate, 'Use YYYY, YYYY-MM or YYYY-MM-DD.').optional(),
  })
  .strict();
export type SourceFilter = z.infer<typeof SourceFilterSchema>;

export const SourceListQuerySchema = z.object({
  filter: SourceFilterSchema.default({}),
  sort: z.enum(SOURCE_SORT_KEYS).default('updated'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type SourceListQuery = z.output<typeof SourceListQuerySchema>;

export const SourcePageSchema = z.object({
  items: z.array(SourceSchema),
  total: z.number().int().min(0),
});
export type SourcePage = z.infer<typeof SourcePageSchema>;

/** A derived-from link as shown on either end. */
export const SourceLinkSchema = z.object({ id: RecordId, title: z.string(), reliability: z.enum(RELIABILITY_GRADES).nullable() });
export type SourceLink = z.infer<typeof SourceLinkSchema>;
