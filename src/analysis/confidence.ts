import { CONFIDENCE_LEVELS, type Confidence, type EvidenceLink } from '../domain/judgement';
import { countIndependent } from '../judgement/independence';
import { isWeaklyGraded, mentionsContradiction, sourceOf, type Derivation } from '../tradecraft/evidence';
import { formatScore, type MatrixStanding } from './matrix-standing';

/**
 * Confidence with its reasons (issue 17, item 4): an advisory level worked out from what a key
 * judgement rests on, never written into the judgement. Each factor adds or takes points; the
 * sum picks the level. The rule, so an analyst can argue with it:
 * - independent supporting sources (derived-from strands count once): none caps the level at low;
 *   one gives 0, two 2, three or more 3 points;
 * - grades: every supporting item from a reliable source with confirmed or probable information
 *   (A–B, 1–2) +1; every one graded E–F or 5–6 −2;
 * - each contradicting item the rationale does not take up −1 (at most −2); one it takes up costs
 *   nothing. "Takes up" is the tradecraft check's test: the rationale names the item's source or
 *   repeats its words, or uses a word of contrast (although, however, despite…);
 * - assumptions it rests on: any unsupported −2, else any caveated −1;
 * - a cited ACH matrix: the supported hypothesis leads by 2 or more +1, leads narrowly 0, ties for
 *   the lead −1, is ranked below another −2.
 * Three points or more suggest high, one or two moderate, none or fewer low.
 */

/** The status of an assumption in the Key Assumptions Check (the register's own type once merged). */
export type AssumptionStatus = 'solid' | 'caveated' | 'unsupported';

export interface ConfidenceInput {
  evidence: readonly EvidenceLink[];
  /** Derived-from links [derived, origin] among the evidence's sources. */
  derivations: readonly Derivation[];
  rationale: string;
  /** The assumptions the judgement rests on; omitted when the register says nothing of it. */
  assumptions?: readonly { status: AssumptionStatus }[];
  /** Where the judgement's hypothesis stands in the matrix it cites; omitted when it cites none. */
  matrix?: MatrixStanding | null;
}

export type ConfidenceFactorKind = 'sources' | 'grades' | 'contradictions' | 'assumptions' | 'matrix';

export interface ConfidenceFactor {
  kind: ConfidenceFactorKind;
  /** Points it adds (or takes, when negative). */
  points: number;
  /** One line an analyst reads: "two independent sources". */
  reason: string;
}

export interface ConfidenceSuggestion {
  level: Confidence;
  /** "two independent sources, one contradicting item not addressed". */
  reason: string;
  factors: ConfidenceFactor[];
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function counted(n: number, singular: string, plural: string): string {
  return `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? singular : plural}`;
}

function sourcesFactor(independent: number): ConfidenceFactor {
  const points = independent >= 3 ? 3 : independent === 2 ? 2 : 0;
  return { kind: 'sources', points, reason: counted(independent, 'independent source', 'independent sources') };
}

function gradesFactor(supports: readonly EvidenceLink[]): ConfidenceFactor | null {
  if (supports.length === 0) return null;
  const strong = (link: EvidenceLink): boolean =>
    link.item.reliability !== null &&
    link.item.reliability <= 'B' &&
    (link.item.kind === 'source' || (link.item.credibility !== null && link.item.credibility <= '2'));
  if (supports.every((link) => isWeaklyGraded(link.item))) return { kind: 'grades', points: -2, reason: 'support graded only E–F or 5–6' };
  if (supports.every(strong))
    return { kind: 'grades', points: 1, reason: 'support from reliable sources, information confirmed or probable' };
  return { kind: 'grades', points: 0, reason: 'support of mixed grades' };
}

function contradictionsFactor(contradicting: readonly EvidenceLink[], rationale: string): ConfidenceFactor | null {
  if (contradicting.length === 0) return null;
  const unaddressed = contradicting.filter((link) => !mentionsContradiction(rationale, link.item)).length;
  if (unaddressed === 0)
    return {
      kind: 'contradictions',
      points: 0,
      reason: `${counted(contradicting.length, 'contradicting item', 'contradicting items')} addressed`,
    };
  return {
    kind: 'contradictions',
    points: -Math.min(unaddressed, 2),
    reason: `${counted(unaddressed, 'contradicting item', 'contradicting items')} not addressed`,
  };
}

function assumptionsFactor(assumptions: readonly { status: AssumptionStatus }[] | undefined): ConfidenceFactor | null {
  if (!assumptions || assumptions.length === 0) return null;
  const unsupported = assumptions.filter((assumption) => assumption.status === 'unsupported').length;
  const caveated = assumptions.filter((assumption) => assumption.status === 'caveated').length;
  if (unsupported > 0)
    return {
      kind: 'assumptions',
      points: -2,
      reason: `rests on ${counted(unsupported, 'unsupported assumption', 'unsupported assumptions')}`,
    };
  if (caveated > 0)
    return { kind: 'assumptions', points: -1, reason: `rests on ${counted(caveated, 'caveated assumption', 'caveated assumptions')}` };
  return { kind: 'assumptions', points: 0, reason: `${counted(assumptions.length, 'assumption', 'assumptions')}, all solid` };
}

function matrixFactor(standing: MatrixStanding | null | undefined): ConfidenceFactor | null {
  if (!standing) return null;
  if (standing.rankedAbove)
    return { kind: 'matrix', points: -2, reason: `the matrix ranks its hypothesis below “${standing.rankedAbove.text}”` };
  if (standing.leaderId !== standing.hypothesisId)
    return { kind: 'matrix', points: -1, reason: 'the matrix ties its hypothesis for the lead' };
  if (standing.margin >= 2) return { kind: 'matrix', points: 1, reason: `the matrix's leader by ${formatScore(standing.margin)}` };
  return { kind: 'matrix', points: 0, reason: `the matrix's leader, narrowly (by ${formatScore(standing.margin)})` };
}

/** The level `points` suggest, on the product's three-level scale. */
function levelOf(points: number): Confidence {
  return points >= 3 ? 'high' : points >= 1 ? 'moderate' : 'low';
}

/** A suggested confidence and the factors behind it; see the rule above. Items in the trash or gone count for nothing. */
export function suggestConfidence(input: ConfidenceInput): ConfidenceSuggestion {
  const live = input.evidence.filter((link) => link.item.state === 'live');
  const supports = live.filter((link) => link.stance === 'supports');
  const contradicting = live.filter((link) => link.stance === 'contradicts');
  const sources = supports.map((link) => sourceOf(link.item)).filter((id): id is string => id !== null);
  const independent = countIndependent(sources, input.derivations);
  const factors = [
    sourcesFactor(independent),
    gradesFactor(supports),
    contradictionsFactor(contradicting, input.rationale),
    assumptionsFactor(input.assumptions),
    matrixFactor(input.matrix),
  ].filter((factor): factor is ConfidenceFactor => factor !== null);
  const points = factors.reduce((sum, factor) => sum + factor.points, 0);
  const level = independent === 0 ? 'low' : levelOf(points);
  // The reason names the sources and whatever took points away: what an analyst would act on.
  const [first, ...rest] = factors;
  const said = [first, ...rest.filter((factor) => factor.points < 0)].filter((factor): factor is ConfidenceFactor => factor !== undefined);
  return { level, reason: said.map((factor) => factor.reason).join(', '), factors };
}

/** How many levels `stated` is above `suggested` (negative when below). */
export function levelsAbove(stated: Confidence, suggested: Confidence): number {
  // CONFIDENCE_LEVELS runs from high to low.
  return CONFIDENCE_LEVELS.indexOf(suggested) - CONFIDENCE_LEVELS.indexOf(stated);
}
