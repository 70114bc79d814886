import { groupedDigits } from '../text/grouped-digits';
import { z } from 'zod';
import { RecordId, Timestamp } from './fields';
import type { Yardstick } from './briefing';
import { MatrixCitationSchema, MatrixCitationTargetSchema } from './matrix-citation';

/**
 * One term of a probability yardstick. `key` is what a judgement stores; `words` are every wording
 * the yardstick accepts for it (the first is the label). Ranges are whole percentages, inclusive.
 */
export interface LikelihoodTerm {
  readonly key: string;
  readonly words: readonly string[];
  readonly min: number;
  readonly max: number;
}

/** US ICD 203: each term has an alternative wording of the same range. */
const ICD203_TERMS: readonly LikelihoodTerm[] = [
  { key: 'almost-no-chance', words: ['almost no chance', 'remote'], min: 1, max: 5 },
  { key: 'very-unlikely', words: ['very unlikely', 'highly improbable'], min: 5, max: 20 },
  { key: 'unlikely', words: ['unlikely', 'improbable'], min: 20, max: 45 },
  { key: 'roughly-even-chance', words: ['roughly even chance', 'roughly even odds'], min: 45, max: 55 },
  { key: 'likely', words: ['likely', 'probable'], min: 55, max: 80 },
  { key: 'very-likely', words: ['very likely', 'highly probable'], min: 80, max: 95 },
  { key: 'almost-certain', words: ['almost certain', 'nearly certain'], min: 95, max: 99 },
];

/** UK PHIA probability yardstick: the gaps between ranges are deliberate. */
const PHIA_TERMS: readonly LikelihoodTerm[] = [
  { key: 'remote-chance', words: ['remote chance'], min: 0, max: 5 },
  { key: 'highly-unlikely', words: ['highly unlikely'], min: 10, max: 20 },
  { key: 'unlikely', words: ['unlikely'], min: 25, max: 35 },
  { key: 'realistic-possibility', words: ['realistic possibility'], min: 40, max: 50 },
  { key: 'likely', words: ['likely', 'probable'], min: 55, max: 75 },
  { key: 'highly-likely', words: ['highly likely'], min: 80, max: 90 },
  { key: 'almost-certain', words: ['almost certain'], min: 95, max: 100 },
];

export const YARDSTICK_TERMS: Readonly<Record<Yardstick, readonly LikelihoodTerm[]>> = { icd203: ICD203_TERMS, phia: PHIA_TERMS };

/** The term of `yardstick` stored as `key`, or null when the key belongs to no term of it. */
export function likelihoodTerm(yardstick: Yardstick, key: string | null): LikelihoodTerm | null {
  return YARDSTICK_TERMS[yardstick].find((term) => term.key === key) ?? null;
}

/** "20–45%", "≤5%" (PHIA's remote chance), "≥95%" (PHIA's almost certain). */
export function describeRange(term: LikelihoodTerm): string {
  if (term.min === 0) return `≤${term.max}%`;
  if (term.max === 100) return `≥${term.min}%`;
  return `${term.min}–${term.max}%`;
}

/** "likely (55–80%)". */
export function describeLikelihood(term: LikelihoodTerm): string {
  return `${term.words[0]} (${describeRange(term)})`;
}

/**
 * The term of `to` whose range is closest to `key`'s range in `from` (by midpoint), so changing a
 * briefing's yardstick keeps each judgement's meaning as nearly as the scales allow.
 */
export function nearestTerm(from: Yardstick, key: string, to: Yardstick): LikelihoodTerm | null {
  const source = likelihoodTerm(from, key);
  if (source === null) return null;
  const mid = (source.min + source.max) / 2;
  let best: LikelihoodTerm | null = null;
  for (const term of YARDSTICK_TERMS[to]) {
    if (best === null || Math.abs((term.min + term.max) / 2 - mid) < Math.abs((best.min + best.max) / 2 - mid)) best = term;
  }
  return best;
}

export const CONFIDENCE_LEVELS = ['high', 'moderate', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];
export const CONFIDENCE_LABELS: Readonly<Record<Confidence, string>> = {
  high: 'High confidence',
  moderate: 'Moderate confidence',
  low: 'Low confidence',
};

/** How a linked item bears on a judgement. */
export const STANCES = ['supports', 'contradicts', 'context'] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_LABELS: Readonly<Record<Stance, string>> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' };

export const MAX_STATEMENT = 2_000;
export const MAX_RATIONALE = 20_000;
export const MAX_EVIDENCE_NOTE = 5_000;

/** What the analyst edits on a judgement. A new judgement starts without likelihood or confidence. */
export const JudgementDraftSchema = z.object({
  statement: z
    .string()
    .trim()
    .max(MAX_STATEMENT, `Keep the statement under ${groupedDigits(MAX_STATEMENT)} characters.`),
  likelihood: z.string().min(1).max(64).nullable(),
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
  rationale: z
    .string()
    .trim()
    .max(MAX_RATIONALE, `Keep the rationale under ${groupedDigits(MAX_RATIONALE)} characters.`),
});
export type JudgementDraft = z.output<typeof JudgementDraftSchema>;

/** The record a linked item points at, as the evidence panel shows it. */
export const EvidenceItemSchema = z.object({
  kind: z.enum(['quote', 'source']),
  id: RecordId,
  /** `trashed` or `missing` when the item was deleted after it was linked. */
  state: z.enum(['live', 'trashed', 'missing']),
  /** The quote's text, or the source's title. */
  text: z.string(),
  sourceId: RecordId.nullable(),
  sourceTitle: z.string(),
  /** The source's reliability (A–F) or null when ungraded. */
  reliability: z.string().nullable(),
  /** The quote's credibility (1–6) or null (whole sources and ungraded quotes). */
  credibility: z.string().nullable(),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

export const EvidenceLinkSchema = z.object({
  id: RecordId,
  judgementId: RecordId,
  stance: z.enum(STANCES),
  note: z.string(),
  item: EvidenceItemSchema,
  createdAt: Timestamp,
});
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

/** Counts for one stance: items linked and the independent sources behind them. */
export const StanceCountSchema = z.object({ quotes: z.number().int(), sources: z.number().int(), independentSources: z.number().int() });
export type StanceCount = z.infer<typeof StanceCountSchema>;

export const JudgementSchema = z.object({
  id: RecordId,
  briefingId: RecordId,
  position: z.number().int(),
  statement: z.string(),
  likelihood: z.string().nullable(),
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
  rationale: z.string(),
  evidence: z.array(EvidenceLinkSchema),
  counts: z.record(z.enum(STANCES), StanceCountSchema),
  /** The ACH matrix the judgement cites and the hypothesis it supports; null when it cites none. */
  matrixCitation: MatrixCitationSchema.nullable(),
  /** Increases with every change of the fields above; an update or delete names the one it started from. */
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Judgement = z.infer<typeof JudgementSchema>;

/** One field's change inside a change-log entry. */
export const JudgementFieldChangeSchema = z.object({
  /** `assumptions`: the key assumptions it rests on, as their words joined by "; " (none: null). */
  field: z.enum(['statement', 'likelihood', 'confidence', 'assumptions']),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type JudgementFieldChange = z.infer<typeof JudgementFieldChangeSchema>;

/** What made a change-log entry: an editing session, restoring a revision, or a change of yardstick. */
export const JUDGEMENT_CHANGE_KINDS = ['edit', 'restore', 'yardstick'] as const;
export type JudgementChangeKind = (typeof JUDGEMENT_CHANGE_KINDS)[number];

/**
 * The editor's id for one opening of a briefing: saves carrying the same id are one editing
 * session in the change log; leaving and reopening starts another.
 */
export const EditSession = z.string().min(8).max(64);

/** One editing session's changes to a judgement (ICD 203 asks analysts to explain changes). */
export const JudgementChangeSchema = z.object({
  id: RecordId,
  judgementId: RecordId,
  analyst: z.string(),
  startedAt: Timestamp,
  endedAt: Timestamp,
  kind: z.enum(JUDGEMENT_CHANGE_KINDS),
  /** What a restore or yardstick change was ("Restored from Before review"); empty for edits. */
  note: z.string(),
  changes: z.array(JudgementFieldChangeSchema),
});
export type JudgementChange = z.infer<typeof JudgementChangeSchema>;

/** A linkable record: a quote, or a whole source. */
export const EvidenceRefSchema = z.object({ kind: z.enum(['quote', 'source']), id: RecordId });
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

/** What an evidence link carries besides its target. */
export const EvidenceLinkDraftSchema = z.object({
  stance: z.enum(STANCES),
  note: z
    .string()
    .trim()
    .max(MAX_EVIDENCE_NOTE, `Keep the note under ${groupedDigits(MAX_EVIDENCE_NOTE)} characters.`)
    .default(''),
});
export type EvidenceLinkDraft = z.output<typeof EvidenceLinkDraftSchema>;

/** A judgement as a revision keeps it: its fields and its links (targets by reference). */
export const CapturedJudgementSchema = z.object({
  id: RecordId,
  position: z.number().int(),
  statement: z.string(),
  likelihood: z.string().nullable(),
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
  rationale: z.string(),
  createdAt: Timestamp,
  /** The cited matrix and hypothesis; absent in revisions taken before judgements could cite one. */
  matrixCitation: MatrixCitationTargetSchema.nullable().optional(),
  links: z.array(
    z.object({
      id: RecordId,
      kind: z.enum(['quote', 'source']),
      targetId: RecordId,
      stance: z.enum(STANCES),
      note: z.string(),
      createdAt: Timestamp,
    }),
  ),
});
export type CapturedJudgement = z.infer<typeof CapturedJudgementSchema>;

/** Every stance with zero counts, the starting point of a judgement's tally. */
export function emptyCounts(): Record<Stance, StanceCount> {
  return {
    supports: { quotes: 0, sources: 0, independentSources: 0 },
    contradicts: { quotes: 0, sources: 0, independentSources: 0 },
    context: { quotes: 0, sources: 0, independentSources: 0 },
  };
}

/**
 * "3 supporting quotes from 2 independent sources, 1 contradicting": one line for the panel.
 * Whole-source links count as items beside quotes.
 */
export function describeCounts(counts: Readonly<Record<Stance, StanceCount>>): string {
  const items = (count: StanceCount): number => count.quotes + count.sources;
  const noun = (count: StanceCount, adjective: string): string => {
    const n = items(count);
    const kind = count.sources === 0 ? (n === 1 ? 'quote' : 'quotes') : count.quotes === 0 ? (n === 1 ? 'source' : 'sources') : 'items';
    return `${n} ${adjective} ${kind}`;
  };
  const supports = counts.supports;
  const parts: string[] = [];
  if (items(supports) === 0) parts.push('No supporting evidence');
  else
    parts.push(
      `${noun(supports, 'supporting')} from ${supports.independentSources} independent ${supports.independentSources === 1 ? 'source' : 'sources'}`,
    );
  if (items(counts.contradicts) > 0) parts.push(`${items(counts.contradicts)} contradicting`);
  if (items(counts.context) > 0) parts.push(`${items(counts.context)} context`);
  return parts.join(', ');
}
