import type { DocumentCount } from '../briefing/word-count';
import type { Yardstick } from '../domain/briefing';
import type { Judgement } from '../domain/judgement';
import { checkConfidence, checkMatrixCitation, type AnalysisContext } from './analysis-checks';
import { checkAssumptions, type CheckedAssumption } from './assumptions';
import { checkLikelihoodWithConfidence } from './confidence-sentences';
import { checkCitations, checkWordLimits, type CitationState } from './document';
import { checkEstimativeLanguage } from './estimative';
export { likelihoodFromWording } from './estimative';
import { checkEvidence, type Derivation } from './evidence';
import type { TradecraftProblem } from './problem';

export type { AnalysisContext } from './analysis-checks';
export type { CheckedAssumption } from './assumptions';
export type { CitationState } from './document';
export type { Derivation } from './evidence';
export type { TradecraftCode, TradecraftLocation, TradecraftProblem, TradecraftSeverity } from './problem';
export { THIN_GROUND_CODES, TRADECRAFT_CODES, TradecraftProblemSchema } from './problem';

/** The judgement fields the checks read (a full `Judgement` will do). */
export type CheckedJudgement = Pick<Judgement, 'id' | 'statement' | 'likelihood' | 'confidence' | 'rationale' | 'evidence'>;

/**
 * Everything the tradecraft checks read about one briefing, as plain data so they run the same
 * in the editor (live), before export and in tests.
 */
export interface TradecraftInput {
  /** The briefing's yardstick: judgements' likelihoods and words are read against it. */
  yardstick: Yardstick;
  /** Its key judgements, in order, with their evidence links. */
  judgements: readonly CheckedJudgement[];
  /** Derived-from links between sources, as [derived, origin]; both directions join strands. */
  derivations: readonly Derivation[];
  /** The body's word counts (`countSerialized`) and the product's limit; omit to skip the word checks. */
  words?: { count: DocumentCount; wordLimit: number | null; productName?: string };
  /** Every citation in the body with its target's state; omit to skip the citation check. */
  citations?: readonly CitationState[];
  /** Cited matrices' standings and assumptions, by judgement id; omit to skip what needs them. */
  analysis?: AnalysisContext;
  /** The briefing's key assumptions with the judgements resting on each; omit to skip the assumption checks. */
  assumptions?: readonly CheckedAssumption[];
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/**
 * Every tradecraft problem of a briefing: judgement by judgement (evidence, wording, likelihood
 * with confidence), then the document (word limits, citations). Errors come before warnings
 * within a judgement, otherwise the order is the text's.
 */
export function runTradecraftChecks(input: TradecraftInput): TradecraftProblem[] {
  const problems: TradecraftProblem[] = [];
  // The confidence advice weighs the assumptions each judgement rests on, from the register.
  const analysis: AnalysisContext = {
    ...input.analysis,
    assumptions: input.analysis?.assumptions ?? assumptionsByJudgement(input.assumptions),
  };
  for (const judgement of input.judgements) {
    const own = [
      ...checkEvidence(judgement, input.derivations),
      ...checkEstimativeLanguage(judgement, input.yardstick),
      ...checkLikelihoodWithConfidence(judgement),
      ...checkMatrixCitation(judgement.id, input.analysis?.matrices?.get(judgement.id)),
      ...checkConfidence(judgement, input.derivations, analysis),
      ...checkAssumptions(judgement, input.assumptions ?? []),
    ];
    problems.push(
      ...own
        .map((problem, index) => ({ problem, index }))
        .sort((a, b) => SEVERITY_ORDER[a.problem.severity] - SEVERITY_ORDER[b.problem.severity] || a.index - b.index)
        .map(({ problem }) => problem),
    );
  }
  if (input.words) problems.push(...checkWordLimits(input.words.count, input.words.wordLimit, input.words.productName));
  if (input.citations) problems.push(...checkCitations(input.citations));
  return problems;
}

/** The problems of one judgement (for its block and the argument picture). */
export function problemsOf(problems: readonly TradecraftProblem[], judgementId: string): TradecraftProblem[] {
  return problems.filter((problem) => problem.location.kind === 'judgement' && problem.location.judgementId === judgementId);
}

function assumptionsByJudgement(assumptions: readonly CheckedAssumption[] | undefined): AnalysisContext['assumptions'] {
  const byJudgement = new Map<string, CheckedAssumption[]>();
  for (const assumption of assumptions ?? []) {
    for (const judgementId of assumption.judgementIds) byJudgement.set(judgementId, [...(byJudgement.get(judgementId) ?? []), assumption]);
  }
  return byJudgement;
}
