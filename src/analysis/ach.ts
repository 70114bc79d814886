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
 * The leader for scores listed in the matrix's order, by the same rule as `leader`: the lowest
 * score leads, ties keep the matrix's order, a tie at the top leads nobody.
 */
function leaderOfScores(hypothesisIds: readonly string[], scores: ArrayLike<number>): string | null {
  let first = -1;
  let second = -1;
  for (let h = 0; h < hypothesisIds.length; h += 1) {
    const score = scores[h] ?? 0;
    if (first === -1 || score < (scores[first] ?? 0)) {
      second = first;
      first = h;
    } else if (second === -1 || score < (scores[second] ?? 0)) second = h;
  }
  if (first === -1) return null;
  if (second === -1) return hypothesisIds[first] ?? null;
  return scores[first] === scores[second] ? null : (hypothesisIds[first] ?? null);
}

/** Everything the grid shows beside the ratings, computed together after each edit. */
export interface MatrixAnalysis {
  scores: HypothesisScore[];
  leader: { hypothesisId: string | null; margin: number };
  /** By item id. */
  diagnosticity: ReadonlyMap<string, number>;
  sensitivity: Sensitivity;
}

/**
 * Scores, leader, diagnosticity and sensitivity in one pass over a dense copy of the ratings, so
 * a 50 × 500 matrix is recomputed well inside one frame (`npm run bench:ach`). Sensitivity is
 * incremental: removing an item (or lowering its credibility) takes its share off each
 * hypothesis's total, one pass over the hypotheses per question instead of a fresh score of the
 * whole matrix. Weights are sums of powers of two, so the subtraction is exact and ties stay ties.
 */
export function analyseMatrix(matrix: AchMatrix, derivations: readonly (readonly [string, string])[]): MatrixAnalysis {
  const hypothesisIds = matrix.hypotheses.map((h) => h.id);
  const width = hypothesisIds.length;
  const ratings = new Array<AchRating>(matrix.items.length * width);
  matrix.items.forEach((item, i) => {
    const row = matrix.ratings[item.id];
    for (let h = 0; h < width; h += 1) ratings[i * width + h] = (row && row[hypothesisIds[h] ?? '']) ?? 'N';
  });
  const weights = matrix.items.map(itemWeight);
  const totals = new Float64Array(width);
  const counts = hypothesisIds.map((): Record<AchRating, number> => ({ CC: 0, C: 0, N: 0, I: 0, II: 0 }));
  const diagnosticityById = new Map<string, number>();
  matrix.items.forEach((item, i) => {
    let low = Infinity;
    let high = -Infinity;
    for (let h = 0; h < width; h += 1) {
      const rating = ratings[i * width + h] ?? 'N';
      (counts[h] as Record<AchRating, number>)[rating] += 1;
      totals[h] = (totals[h] ?? 0) + INCONSISTENCY[rating] * (weights[i] ?? 0);
      low = Math.min(low, POSITION[rating]);
      high = Math.max(high, POSITION[rating]);
    }
    diagnosticityById.set(item.id, width < 2 ? 0 : (high - low) * (weights[i] ?? 0));
  });
  const scores = hypothesisIds
    .map((hypothesisId, h) => ({ hypothesisId, weightedInconsistency: totals[h] ?? 0, counts: counts[h] as Record<AchRating, number> }))
    .map((score, order) => ({ score, order }))
    .sort((a, b) => a.score.weightedInconsistency - b.score.weightedInconsistency || a.order - b.order)
    .map(({ score }) => score);
  const [first, second] = scores;
  const margin = !first ? 0 : !second ? Number.POSITIVE_INFINITY : second.weightedInconsistency - first.weightedInconsistency;
  const base = leaderOfScores(hypothesisIds, totals);

  const changed = new Float64Array(width);
  const leaderAfterTakingOff = (i: number, weight: number): string | null => {
    for (let h = 0; h < width; h += 1) changed[h] = (totals[h] ?? 0) - INCONSISTENCY[ratings[i * width + h] ?? 'N'] * weight;
    return leaderOfScores(hypothesisIds, changed);
  };
  const removalChangesLeader: string[] = [];
  const lowCredibilityChangesLeader: string[] = [];
  matrix.items.forEach((item, i) => {
    if (leaderAfterTakingOff(i, weights[i] ?? 0) !== base) removalChangesLeader.push(item.id);
    if (item.credibility === 'low') return;
    const lost = (weights[i] ?? 0) - WEIGHT_FACTOR[item.relevance] * WEIGHT_FACTOR.low;
    if (leaderAfterTakingOff(i, lost) !== base) lowCredibilityChangesLeader.push(item.id);
  });
  const firstIndex = first ? hypothesisIds.indexOf(first.hypothesisId) : -1;
  const secondIndex = second ? hypothesisIds.indexOf(second.hypothesisId) : -1;
  const separating =
    firstIndex >= 0 && secondIndex >= 0
      ? matrix.items.filter((_, i) => ratings[i * width + firstIndex] !== ratings[i * width + secondIndex])
      : [];
  const everySeparatorSourced = separating.length > 0 && separating.every((item) => item.sourceIds.length > 0);
  return {
    scores,
    leader: { hypothesisId: base, margin },
    diagnosticity: diagnosticityById,
    sensitivity: {
      removalChangesLeader,
      lowCredibilityChangesLeader,
      hangsOnOneItem: base !== null && (removalChangesLeader.length > 0 || lowCredibilityChangesLeader.length > 0),
      hangsOnOneSource:
        base !== null &&
        everySeparatorSourced &&
        independentGroups(
          separating.flatMap((item) => item.sourceIds),
          derivations,
        ).size === 1,
    },
  };
}

/**
 * Which items the conclusion hangs on. `derivations` are derived-from links ([source, origin]),
 * so a story resting on a speech counts as the speech's strand.
 */
export function sensitivity(matrix: AchMatrix, derivations: readonly (readonly [string, string])[]): Sensitivity {
  return analyseMatrix(matrix, derivations).sensitivity;
}
