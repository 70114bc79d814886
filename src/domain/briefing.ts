import { groupedDigits } from '../text/grouped-digits';
import { z } from 'zod';
import { RecordId, Timestamp, optionalPartialDate } from './fields';
import { TagRefSchema } from './tag';
import { BRIEFING_STATUSES } from './briefing-status';

export { BRIEFING_STATUS_LABELS, BRIEFING_STATUSES, type BriefingStatus } from './briefing-status';

/** Which probability yardstick the briefing's key judgements are worded against. */
export const YARDSTICKS = ['icd203', 'phia'] as const;
export type Yardstick = (typeof YARDSTICKS)[number];
export const YARDSTICK_LABELS: Readonly<Record<Yardstick, string>> = { icd203: 'US ICD 203', phia: 'UK PHIA' };

export const MAX_BRIEFING_TITLE = 500;
/** A stored editor state this large is refused: it is far beyond any real product. */
export const MAX_BODY_CHARS = 40_000_000;

/** One section a product type's template starts with; `cap` is its own word limit, if any. */
export const TemplateSectionSchema = z.object({
  heading: z.string().trim().min(1, 'Give the section a heading.').max(200),
  cap: z.number().int().min(1).max(1_000_000).nullable().default(null),
});
export type TemplateSection = z.output<typeof TemplateSectionSchema>;

export const ProductTypeDraftSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the product type.')
    .max(100, 'Keep the name under 100 characters.')
    // SQLite's length() stops at a NUL, so such a name would break the table's CHECK (found by the contract fuzz test).
    .refine((name) => !name.includes('\u0000'), 'A name cannot contain a NUL character.'),
  /** Null: no hard limit (e.g. in-depth analysis). */
  wordLimit: z.number().int().min(1).max(1_000_000).nullable().default(null),
  sections: z.array(TemplateSectionSchema).max(40).default([]),
});
export type ProductTypeDraft = z.output<typeof ProductTypeDraftSchema>;

export const ProductTypeSchema = z.object({
  id: RecordId,
  name: z.string(),
  wordLimit: z.number().int().nullable(),
  sections: z.array(z.object({ heading: z.string(), cap: z.number().int().nullable() })),
  builtIn: z.boolean(),
});
export type ProductType = z.infer<typeof ProductTypeSchema>;

const shortField = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${groupedDigits(max)} characters.`);

/**
 * The reference number a new product starts with, so the title block is complete without typing
 * one: its product type, its date and its serial number in the workspace
 * ("IN-DEPTH-ANALYSIS-20261204-007"). Only a proposal: the analyst edits it in Details.
 */
export function proposedReference(typeName: string, date: string, serial: number): string {
  const code =
    typeName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toUpperCase()
      .slice(0, 24)
      .replace(/-+$/, '') || 'PRODUCT';
  return `${code}-${date.replaceAll('-', '')}-${String(serial).padStart(3, '0')}`;
}

/** The metadata a user edits in the briefing's title block (the body is saved separately). */
export const BriefingMetaSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the briefing a title.')
    .max(MAX_BRIEFING_TITLE, `Keep the title under ${MAX_BRIEFING_TITLE} characters.`),
  typeId: RecordId,
  status: z.enum(BRIEFING_STATUSES),
  author: shortField(200),
  date: optionalPartialDate,
  marking: shortField(500),
  summary: shortField(20_000),
  yardstick: z.enum(YARDSTICKS),
  /** The product's reference number as the issuing desk numbers it ("NATO-ASIA-2017-014"). */
  reference: shortField(100).default(''),
  /** The last date of information the product takes into account. */
  cutoffDate: optionalPartialDate,
  /** Who may receive the product ("Releasable to NATO and partners"); printed under the marking. */
  dissemination: shortField(500).default(''),
  tagIds: z.array(RecordId).max(50).default([]),
});
export type BriefingMetaInput = z.input<typeof BriefingMetaSchema>;
export type BriefingMeta = z.output<typeof BriefingMetaSchema>;

/** A row of the briefings list. */
export const BriefingSummarySchema = z.object({
  id: RecordId,
  title: z.string(),
  typeId: RecordId,
  typeName: z.string(),
  status: z.enum(BRIEFING_STATUSES),
  wordCount: z.number().int(),
  wordLimit: z.number().int().nullable(),
  updatedAt: Timestamp,
});
export type BriefingSummary = z.infer<typeof BriefingSummarySchema>;

export const BriefingSchema = BriefingSummarySchema.extend({
  author: z.string(),
  date: z.string().nullable(),
  marking: z.string(),
  summary: z.string(),
  yardstick: z.enum(YARDSTICKS),
  reference: z.string(),
  cutoffDate: z.string().nullable(),
  dissemination: z.string(),
  tags: z.array(TagRefSchema),
  /** The Lexical editor state as stored (JSON text); it may fail to parse, see the recovery view. */
  body: z.string(),
  /** Plain text of the body, kept with every save for search and for recovery. */
  bodyText: z.string(),
  /** Increases with every body save (and restore); a body write names the one it started from. */
  version: z.number().int(),
  /** Increases with every title-block save; a metadata write names the one it started from. */
  metaVersion: z.number().int(),
  createdAt: Timestamp,
});
export type Briefing = z.infer<typeof BriefingSchema>;

export const BRIEFING_SORT_KEYS = ['updated', 'title', 'status', 'words', 'type'] as const;
export type BriefingSortKey = (typeof BRIEFING_SORT_KEYS)[number];

export const BriefingListQuerySchema = z.object({
  sort: z.enum(BRIEFING_SORT_KEYS).default('updated'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum(BRIEFING_STATUSES).optional(),
  typeId: RecordId.optional(),
  text: z.string().max(500).default(''),
});
export type BriefingListQuery = z.output<typeof BriefingListQuerySchema>;

export const BodySaveSchema = z.object({
  id: RecordId,
  body: z.string().min(2).max(MAX_BODY_CHARS, 'This document is too large to save.'),
  bodyText: z.string().max(MAX_BODY_CHARS),
  wordCount: z.number().int().min(0),
});
export type BodySave = z.output<typeof BodySaveSchema>;

export const REVISION_KINDS = ['auto', 'status', 'named', 'restore'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export const RevisionSummarySchema = z.object({
  id: RecordId,
  kind: z.enum(REVISION_KINDS),
  name: z.string(),
  status: z.enum(BRIEFING_STATUSES),
  wordCount: z.number().int(),
  createdAt: Timestamp,
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

export const RevisionSchema = RevisionSummarySchema.extend({ body: z.string(), bodyText: z.string() });
export type Revision = z.infer<typeof RevisionSchema>;

/** What a citation points at. */
export const CITATION_TARGETS = ['quote', 'source'] as const;
export type CitationTargetKind = (typeof CITATION_TARGETS)[number];
export const CitationRefSchema = z.object({ kind: z.enum(CITATION_TARGETS), id: RecordId });
export type CitationRef = z.infer<typeof CitationRefSchema>;

/** A cited record as the editor shows it; `state` is `missing` when trashed or gone. */
export const CitationTargetSchema = CitationRefSchema.extend({
  state: z.enum(['live', 'trashed', 'missing']),
  text: z.string(),
  sourceTitle: z.string(),
  grade: z.string(),
});
export type CitationTarget = z.infer<typeof CitationTargetSchema>;

export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
