import { z } from 'zod';
import { ACH_RATINGS, ACH_WEIGHTS } from '../analysis/ach';
import { RecordId, Timestamp } from './fields';

/** What an evidence item of a matrix is: a stored quote or source, or free text the analyst wrote. */
export const ACH_ITEM_KINDS = ['quote', 'source', 'argument', 'assumption', 'absence'] as const;
export type AchItemKind = (typeof ACH_ITEM_KINDS)[number];

export const ACH_ITEM_KIND_LABELS: Readonly<Record<AchItemKind, string>> = {
  quote: 'Quote',
  source: 'Source',
  argument: 'Argument',
  assumption: 'Assumption',
  absence: 'Absence of evidence',
};

export const MAX_HYPOTHESES = 50;
export const MAX_ITEMS = 500;

export const AchRatingSchema = z.enum(ACH_RATINGS);
export const AchWeightSchema = z.enum(ACH_WEIGHTS);

const HypothesisText = z.string().trim().min(1, 'Write the hypothesis.').max(500, 'Keep a hypothesis under 500 characters.');
const MatrixTitle = z.string().trim().min(1, 'Give the matrix a title.').max(200, 'Keep the title under 200 characters.');
const Question = z.string().trim().max(1000, 'Keep the question under 1,000 characters.');
const ItemText = z.string().trim().max(2000, 'Keep the item under 2,000 characters.');
const Reason = z.string().trim().max(500, 'Keep the reason under 500 characters.');

export const AchHypothesisSchema = z.object({ id: RecordId, text: z.string(), version: z.number().int() });
export type AchHypothesis = z.infer<typeof AchHypothesisSchema>;

export const AchItemSchema = z.object({
  id: RecordId,
  kind: z.enum(ACH_ITEM_KINDS),
  /** The quote or source it stands for; null for free text. */
  targetId: RecordId.nullable(),
  /** The quote's text, the source's title, or the analyst's words. */
  text: z.string(),
  /** `trashed` or `missing` when the quote or source was deleted after it was added. */
  state: z.enum(['live', 'trashed', 'missing']),
  /** The sources the item rests on (for one-strand warnings); none for free text. */
  sourceIds: z.array(RecordId),
  sourceTitle: z.string(),
  reliability: z.string().nullable(),
  credibilityGrade: z.string().nullable(),
  relevance: AchWeightSchema,
  /** The analyst's override, with its reason; null means the grades decide. */
  credibilityOverride: AchWeightSchema.nullable(),
  credibilityReason: z.string(),
  /** What the scores use: the override, or the weight the Admiralty grades give. */
  credibility: AchWeightSchema,
  version: z.number().int(),
});
export type AchItemRecord = z.infer<typeof AchItemSchema>;

export const AchMatrixSummarySchema = z.object({
  id: RecordId,
  title: z.string(),
  question: z.string(),
  briefingId: RecordId.nullable(),
  hypotheses: z.number().int(),
  items: z.number().int(),
  updatedAt: Timestamp,
});
export type AchMatrixSummary = z.infer<typeof AchMatrixSummarySchema>;

export const AchMatrixSchema = z.object({
  id: RecordId,
  title: z.string(),
  question: z.string(),
  briefingId: RecordId.nullable(),
  version: z.number().int(),
  hypotheses: z.array(AchHypothesisSchema),
  items: z.array(AchItemSchema),
  /** Ratings other than N, by item id then hypothesis id. */
  ratings: z.record(z.string(), z.record(z.string(), AchRatingSchema)),
  /** Derived-from links among the sources behind the items ([source, origin]). */
  derivations: z.array(z.tuple([RecordId, RecordId])),
  updatedAt: Timestamp,
});
export type AchMatrixRecord = z.infer<typeof AchMatrixSchema>;

export const AchMatrixDraftSchema = z.object({
  title: MatrixTitle,
  question: Question.default(''),
  briefingId: RecordId.nullable().default(null),
  hypotheses: z.array(HypothesisText).max(MAX_HYPOTHESES).default([]),
});

export const AchItemDraftSchema = z
  .object({
    kind: z.enum(ACH_ITEM_KINDS),
    targetId: RecordId.nullable().default(null),
    text: ItemText.default(''),
    relevance: AchWeightSchema.default('medium'),
  })
  .superRefine((draft, ctx) => {
    const stored = draft.kind === 'quote' || draft.kind === 'source';
    if (stored && !draft.targetId)
      ctx.addIssue({ code: 'custom', path: ['targetId'], message: `Pick the ${draft.kind} this item stands for.` });
    if (!stored && draft.text === '') ctx.addIssue({ code: 'custom', path: ['text'], message: 'Write what the item says.' });
  });

export const AchItemEditSchema = z
  .object({
    text: ItemText.optional(),
    relevance: AchWeightSchema,
    credibilityOverride: AchWeightSchema.nullable(),
    credibilityReason: Reason.default(''),
  })
  .superRefine((edit, ctx) => {
    if (edit.credibilityOverride !== null && edit.credibilityReason === '')
      ctx.addIssue({ code: 'custom', path: ['credibilityReason'], message: 'Say why the credibility differs from the grades.' });
  });

export { HypothesisText as AchHypothesisText, MatrixTitle as AchMatrixTitle, Question as AchQuestion };
