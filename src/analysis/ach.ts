import type { CredibilityGrade, ReliabilityGrade } from '../domain/admiralty';
import { independentGroups } from '../judgement/independence';

/**
 * Analysis of Competing Hypotheses (Heuer): the scoring behind the matrix. Each evidence item is
 * rated against each hypothesis; only inconsistency counts toward a score, because evidence
 * consistent with several hypotheses proves little, while evidence against one can rule it out.
 * Pure functions over plain data, so the grid, the export and the tradecraft check agree.
 */

/** Heuer's scale: very consistent, consistent, neutral or not applicable, inconsistent, very inconsistent. */
export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II'] as const;
export type AchRating = (typeof ACH_RATINGS)[number];

export const ACH_WEIGHTS = ['high', 'medium', 'low'] as const;
export type AchWeight = (typeof ACH_WEIGHTS)[number];

/** How much an item counts, for relevance and for credibility alike. */
export const WEIGHT_FACTOR: Readonly<Record<AchWeight, number>> = { high: 2, medium: 1, low: 0.5 };

/** What an inconsistent rating adds to a hypothesis's score; consistent and neutral ratings add nothing. */
const INCONSISTENCY: Readonly<Record<AchRating, number>> = { CC: 0, C: 0, N: 0, I: 1, II: 2 };
/** Where a rating sits on the scale, for diagnosticity (how far apart an item's ratings are). */
const POSITION: Readonly<Record<AchRating, number>> = { CC: 2, C: 1, N: 0, I: -1, II: -2 };

export interface AchItem {
  id: string;
  /** The sources the item rests on (a quote's source, a source itself; none for an argument or assumption). */
  sourceIds: readonly string[];
  relevance: AchWeight;
  credibility: AchWeight;
}

export interface AchMatrix {
  hypotheses: readonly { id: string }[];
  items: readonly AchItem[];
  /** Ratings by item id then hypothesis id; a missing rating counts as N. */
  ratings: Readonly<Record<string, Readonly<Record<string, AchRating>>>>;
}

/**
 * An item's credibility from its Admiralty grades when nobody overrode it: reliable sources with
 * confirmed or probable information (A–B with 1–2) are high, fairly reliable or possible (C, 3)
 * medium, the rest (D–F, 4–6, or ungraded) low. The weaker of the two grades decides.
 */
export function credibilityFromGrades(reliability: ReliabilityGrade | null, credibility: CredibilityGrade | null): AchWeight {
  const sourceLevel = reliability === null ? 'low' : reliability <= 'B' ? 'high' : reliability === 'C' ? 'medium' : 'low';
  const infoLevel = credibility === null ? 'low' : credibility <= '2' ? 'high' : credibility === '3' ? 'medium' : 'low';
  return WEIGHT_FACTOR[sourceLevel] <= WEIGHT_FACTOR[infoLevel] ? sourceLevel : infoLevel;
}

/** A whole source's credibility: its reliability alone decides, as no single report is graded. */
export function credibilityFromReliability(reliability: ReliabilityGrade | null): AchWeight {
  return reliability === null ? 'low' : reliability <= 'B' ? 'high' : reliability === 'C' ? 'medium' : 'low';
}

export function ratingOf(matrix: AchMatrix, itemId: string, hypothesisId: string): AchRating {
  return matrix.ratings[itemId]?.[hypothesisId] ?? 'N';
}

export function itemWeight(item: AchItem): number {
  return WEIGHT_FACTOR[item.relevance] * WEIGHT_FACTOR[item.credibility];
}

export interface HypothesisScore {
  hypothesisId: string;
  /** Σ over items of inconsistency (I = 1, II = 2) × relevance × credibility; lower is stronger. */
  weightedInconsistency: number;
  counts: Readonly<Record<AchRating, number>>;
}

/** Scores per hypothesis, least inconsistent first (ties keep the matrix's order). */
export function scoreHypotheses(matrix: AchMatrix): HypothesisScore[] {
  const scores = matrix.hypotheses.map((hypothesis) => {
    const counts: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: 0, II: 0 };
    let weightedInconsistency = 0;
    for (const item of matrix.items) {
      const rating = ratingOf(matrix, item.id, hypothesis.id);
      counts[rating] += 1;
      weightedInconsistency += INCONSISTENCY[rating] * itemWeight(item);
    }
    return { hypothesisId: hypothesis.id, weightedInconsistency, counts };
  });
  return scores
    .map((score, order) => ({ score, order }))
    .sort((a, b) => a.score.weightedInconsistency - b.score.weightedInconsistency || a.order - b.order)
    .map(({ score }) => score);
}

/** The leading hypothesis and its margin over the next; null leader when the top two tie. */
export function leader(matrix: AchMatrix): { hypothesisId: string | null; margin: number } {
  const [first, second] = scoreHypotheses(matrix);
  if (!first) return { hypothesisId: null, margin: 0 };
  if (!second) return { hypothesisId: first.hypothesisId, margin: Number.POSITIVE_INFINITY };
  const margin = second.weightedInconsistency - first.weightedInconsistency;
  return { hypothesisId: margin === 0 ? null : first.hypothesisId, margin };
}

/**
 * How well an item tells the hypotheses apart: the spread of its ratings on the scale, times its
 * weight. An item rated the same against every hypothesis has none, however strong it looks.
 */
export function diagnosticity(matrix: AchMatrix, item: AchItem): number {
  const positions = matrix.hypotheses.map((h) => POSITION[ratingOf(matrix, item.id, h.id)]);
  if (positions.length < 2) return 0;
  return (Math.max(...positions) - Math.min(...positions)) * itemWeight(item);
}

export interface Sensitivity {
  /** Items whose removal changes which hypothesis leads. */
  removalChangesLeader: string[];
  /** Items whose credibility, set to low, changes which hypothesis leads. */
  lowCredibilityChangesLeader: string[];
  /** The conclusion hangs on a single item (removing one item or lowering its credibility changes the leader). */
  hangsOnOneItem: boolean;
  /** Every item that separates the leader from the runner-up rests on one strand of reporting. */
  hangsOnOneSource: boolean;
}

/**
 * Which items the conclusion hangs on. `derivations` are derived-from links ([source, origin]),
 * so a story resting on a speech counts as the speech's strand.
 */
export function sensitivity(matrix: AchMatrix, derivations: readonly (readonly [string, string])[]): Sensitivity {
  const base = leader(matrix).hypothesisId;
  const leaderWithout = (changed: AchMatrix): string | null => leader(changed).hypothesisId;
  const removalChangesLeader: string[] = [];
  const lowCredibilityChangesLeader: string[] = [];
  for (const item of matrix.items) {
    if (leaderWithout({ ...matrix, items: matrix.items.filter((other) => other.id !== item.id) }) !== base) {
      removalChangesLeader.push(item.id);
    }
    const lowered = matrix.items.map((other) => (other.id === item.id ? { ...other, credibility: 'low' as const } : other));
    if (item.credibility !== 'low' && leaderWithout({ ...matrix, items: lowered }) !== base) lowCredibilityChangesLeader.push(item.id);
  }
  const [first, second] = scoreHypotheses(matrix);
  const separating =
    first && second
      ? matrix.items.filter((item) => ratingOf(matrix, item.id, first.hypothesisId) !== ratingOf(matrix, item.id, second.hypothesisId))
      : [];
  const sources = separating.flatMap((item) => item.sourceIds);
  const everySeparatorSourced = separating.length > 0 && separating.every((item) => item.sourceIds.length > 0);
  return {
    removalChangesLeader,
    lowCredibilityChangesLeader,
    hangsOnOneItem: base !== null && (removalChangesLeader.length > 0 || lowCredibilityChangesLeader.length > 0),
    hangsOnOneSource: base !== null && everySeparatorSourced && independentGroups(sources, derivations).size === 1,
  };
}
