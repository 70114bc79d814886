import { z } from 'zod';
import { RecordId, Timestamp } from './fields';

/** Whether the indicator would be seen if its judgement or hypothesis were true, or if it were false. */
export const INDICATOR_DIRECTIONS = ['if_true', 'if_false'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_DIRECTION_LABELS: Readonly<Record<IndicatorDirection, string>> = {
  if_true: 'Would be seen if true',
  if_false: 'Would be seen if false',
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for YYYY-MM-DD naming a real calendar day. */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
}

export const CalendarDay = z.string().refine(isCalendarDay, 'Use a real date written YYYY-MM-DD.');

const IndicatorText = z.string().trim().min(1, 'Say what would be observed.').max(1000, 'Keep the indicator under 1,000 characters.');
const Notes = z.string().trim().max(2000, 'Keep the notes under 2,000 characters.');

/** What an indicator belongs to: a key judgement of a briefing, or a hypothesis of an ACH matrix. */
export const IndicatorOwnerRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('judgement'), id: RecordId }).strict(),
  z.object({ kind: z.literal('hypothesis'), id: RecordId }).strict(),
]);
export type IndicatorOwnerRef = z.infer<typeof IndicatorOwnerRefSchema>;

export const IndicatorEvidenceRefSchema = z.object({ kind: z.enum(['quote', 'source']), id: RecordId }).strict();

export const IndicatorDraftSchema = z
  .object({
    direction: z.enum(INDICATOR_DIRECTIONS).default('if_true'),
    text: IndicatorText,
    reviewOn: CalendarDay,
    notes: Notes.default(''),
  })
  .strict();
export type IndicatorDraft = z.output<typeof IndicatorDraftSchema>;

/** Marking seen names the day and the evidence it was seen in; null marks it not yet seen. */
export const IndicatorSightingSchema = z.object({ on: CalendarDay, evidence: IndicatorEvidenceRefSchema }).strict().nullable();
export type IndicatorSighting = z.output<typeof IndicatorSightingSchema>;

export const IndicatorEvidenceSchema = z.object({
  kind: z.enum(['quote', 'source']),
  id: RecordId,
  /** The quote's words or the source's title, resolved on every read. */
  text: z.string(),
  sourceTitle: z.string(),
  state: z.enum(['live', 'trashed', 'missing']),
});
export type IndicatorEvidence = z.infer<typeof IndicatorEvidenceSchema>;

export const IndicatorSchema = z.object({
  id: RecordId,
  owner: z.object({
    kind: z.enum(['judgement', 'hypothesis']),
    id: RecordId,
    /** The judgement's statement or the hypothesis's words. */
    subject: z.string(),
    /** The briefing (for a judgement) or matrix (for a hypothesis) it sits in, for the due list's links. */
    containerId: RecordId,
    containerTitle: z.string(),
  }),
  direction: z.enum(INDICATOR_DIRECTIONS),
  text: z.string(),
  reviewOn: z.string(),
  /** The day it was seen; null while not yet seen. */
  seenOn: z.string().nullable(),
  evidence: IndicatorEvidenceSchema.nullable(),
  notes: z.string(),
  version: z.number().int(),
  updatedAt: Timestamp,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const INDICATOR_STATUS_FILTERS = ['all', 'not_seen', 'seen'] as const;
export type IndicatorStatusFilter = (typeof INDICATOR_STATUS_FILTERS)[number];
