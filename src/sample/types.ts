import type { IndicatorDirection } from '../domain/indicator';
import type { AchRating, AchWeight } from '../analysis/ach';
import type { AssumptionStatus } from '../domain/assumption';
import type { BriefingStatus, Yardstick } from '../domain/briefing';
import type { Confidence, Stance } from '../domain/judgement';
import type { QuoteDraftInput } from '../domain/quote';
import type { SourceDraftInput } from '../domain/source';

/**
 * Sample content refers to its records by local keys (`src-speech`, `q-pressure`, `tag-nato`),
 * unique across kinds; the builder maps each key to the id the store gives the record.
 */
export type SampleKey = string;

export interface SampleTag {
  key: SampleKey;
  path: string;
}

/** An offline capture stored as the source's snapshot, as if the analyst had attached the file. */
export interface SampleCapture {
  fileName: string;
  html: string;
}

export interface SampleSource {
  key: SampleKey;
  draft: SourceDraftInput;
  tags: readonly SampleKey[];
  capture?: SampleCapture;
}

export interface SampleQuote {
  key: SampleKey;
  sourceKey: SampleKey;
  draft: Omit<QuoteDraftInput, 'sourceId'>;
  tags: readonly SampleKey[];
}

/** `sourceKey` reports on (is derived from) `originKey`. */
export interface SampleDerivation {
  sourceKey: SampleKey;
  originKey: SampleKey;
}

/**
 * Inline content of a paragraph: plain text, a citation of a quote or source by key, or words a
 * review comment thread is anchored to (`comment` is the thread's anchor id).
 */
export type SampleInline = string | { cite: SampleKey } | { comment: string; words: string };

/** A review comment thread on words of the sample's text: its first comment, then the replies. */
export interface SampleReviewThread {
  anchor: string;
  comments: readonly string[];
}

export interface SampleSection {
  heading: string;
  paragraphs: readonly (readonly SampleInline[])[];
}

export interface SampleEvidence {
  kind: 'quote' | 'source';
  key: SampleKey;
  stance: Stance;
  note: string;
}

/** A key judgement as data: what the judgement store is asked to write. */
export interface SampleJudgement {
  key: SampleKey;
  statement: string;
  /** A term key of the briefing's yardstick. */
  likelihood: string;
  confidence: Confidence;
  rationale: string;
  evidence: readonly SampleEvidence[];
}

export interface SampleBriefing {
  title: string;
  /** A built-in product type id. */
  typeId: string;
  status: BriefingStatus;
  author: string;
  date: string;
  marking: string;
  summary: string;
  yardstick: Yardstick;
  tags: readonly SampleKey[];
  /** In the order of the product type's template sections (their ids and caps are kept). */
  sections: readonly SampleSection[];
  /** Open review comment threads on the text (their words are marked in `sections`). */
  review?: readonly SampleReviewThread[];
}

/** An ACH matrix of the sample: items are sample quotes or sources by key, or words; ratings in hypothesis order. */
export interface SampleMatrix {
  title: string;
  question: string;
  hypotheses: readonly string[];
  items: readonly (
    | { key: SampleKey; relevance: AchWeight; ratings: readonly AchRating[] }
    | { kind: 'argument' | 'assumption' | 'absence'; text: string; relevance: AchWeight; ratings: readonly AchRating[] }
  )[];
  /** Key judgements that cite the matrix, each with the hypothesis it supports (an index into `hypotheses`). */
  citedBy?: readonly { judgementKey: SampleKey; hypothesis: number }[];
}

/** A key assumption of the sample's briefing, with the keys of the judgements resting on it. */
export interface SampleAssumption {
  text: string;
  rationale: string;
  status: AssumptionStatus;
  caveat: string;
  wrongIf: readonly string[];
  judgements: readonly SampleKey[];
}

export interface SampleWorkspace {
  tags: readonly SampleTag[];
  sources: readonly SampleSource[];
  quotes: readonly SampleQuote[];
  derivations: readonly SampleDerivation[];
  briefing: SampleBriefing;
  judgements: readonly SampleJudgement[];
  matrix: SampleMatrix;
  /** Indicators of its judgements and hypotheses (none when absent). */
  indicators?: readonly SampleIndicator[];
  /** The briefing's key assumptions (optional, so a reduced sample in a test may leave them out). */
  assumptions?: readonly SampleAssumption[];
}

/** An indicator as data: its owner by sample key or hypothesis index, its review day relative to the build. */
export interface SampleIndicator {
  owner: { judgement: SampleKey } | { hypothesis: number };
  direction: IndicatorDirection;
  text: string;
  /** Days from the day the sample is built (negative: already overdue then). */
  reviewInDays: number;
  seen?: { on: string; kind: 'quote' | 'source'; key: SampleKey };
  notes?: string;
  /** The briefing's key assumptions (optional, so a reduced sample in a test may leave them out). */
  assumptions?: readonly SampleAssumption[];
}
