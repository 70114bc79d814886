import { YARDSTICK_LABELS, type Yardstick } from '../domain/briefing';
import { describeLikelihood, describeRange, likelihoodTerm, type Judgement, type LikelihoodTerm } from '../domain/judgement';
import { closestTerm, complement, findProbabilityPhrases, otherYardstick, overlaps, termWithWording, type Range } from './estimative-terms';
import { quoted, type TradecraftProblem } from './problem';
import { tokenize, type Token } from './tokens';

/** The parts of a judgement the wording checks read. */
export type WordedJudgement = Pick<Judgement, 'id' | 'statement' | 'likelihood'>;

const HEDGES = new Set(['may', 'might', 'could', 'possibly', 'perhaps']);
/** Words before "May" that make it the month: "in May", "early May". */
const MONTH_CUES = new Set([
  'in',
  'of',
  'on',
  'since',
  'until',
  'by',
  'from',
  'early',
  'late',
  'mid',
  'before',
  'after',
  'during',
  'last',
  'next',
  'this',
]);
/** Words before "might" that make it a noun: "military might", "its might". */
const MIGHT_NOUN_CUES = new Set([
  'the',
  'its',
  'his',
  'her',
  'their',
  'our',
  'your',
  'military',
  'naval',
  'economic',
  'industrial',
  'full',
  'all',
]);

function isMonth(text: string, tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  if (text[token.start] !== 'M') return false;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  return (before !== undefined && MONTH_CUES.has(before.word)) || (after !== undefined && /^\d/.test(after.word));
}

/**
 * Vague hedges in a statement: "may", "might", "could", "possibly", "perhaps" say nothing about
 * how likely something is. "May" the month and "might" the noun are told apart by the word
 * around them, which catches the common cases ("in May 2017", "military might").
 */
export function findHedges(text: string): { word: string; start: number; end: number }[] {
  const tokens = tokenize(text);
  const found: { word: string; start: number; end: number }[] = [];
  tokens.forEach((token, index) => {
    if (!HEDGES.has(token.word)) return;
    if (token.word === 'may' && isMonth(text, tokens, index)) return;
    if (token.word === 'might' && MIGHT_NOUN_CUES.has(tokens[index - 1]?.word ?? '')) return;
    found.push({ word: text.slice(token.start, token.end), start: token.start, end: token.end });
  });
  return found;
}

/** "20–45%", "≤5%", "≥95%", as the yardstick tables write ranges. */
function rangeText(range: Range): string {
  return describeRange({ key: '', words: [], min: range.min, max: range.max });
}

function suggestion(term: LikelihoodTerm): string {
  return term.words.map(quoted).join(' or ');
}

/**
 * The statement's probability words against its stated likelihood, on the briefing's yardstick:
 * words of the other yardstick only, negated terms, words whose range disagrees with the
 * likelihood, words without any likelihood chosen, and vague hedges. Terms the yardsticks share
 * ("likely", "unlikely", "almost certain"…) are read with this yardstick's range.
 */
export function checkEstimativeLanguage(judgement: WordedJudgement, yardstick: Yardstick): TradecraftProblem[] {
  const problems: TradecraftProblem[] = [];
  const at = (start: number, end: number) => ({
    kind: 'judgement' as const,
    judgementId: judgement.id,
    field: 'statement' as const,
    span: { start, end },
  });
  const stated = likelihoodTerm(yardstick, judgement.likelihood);
  const other = otherYardstick(yardstick);
  if (judgement.likelihood !== null && stated === null) {
    problems.push({
      code: 'other-yardstick',
      severity: 'error',
      message: `The chosen likelihood is not a term of ${YARDSTICK_LABELS[yardstick]}, this briefing's yardstick: choose one of its terms.`,
      location: { kind: 'judgement', judgementId: judgement.id, field: 'statement' },
    });
  }
  let reportedUnset = false;
  for (const match of findProbabilityPhrases(judgement.statement)) {
    const own = termWithWording(yardstick, match.wording);
    const foreign = own ? null : termWithWording(other, match.wording);
    const term = (own ?? foreign) as LikelihoodTerm;
    const said = match.negatedAt === null ? term : complement(term);
    const start = match.negatedAt ?? match.start;
    const shown = judgement.statement.slice(start, match.end);
    if (foreign) {
      problems.push({
        code: 'other-yardstick',
        severity: 'warning',
        message: `${quoted(shown)} belongs to ${YARDSTICK_LABELS[other]} (${describeRange(foreign)}), not to ${YARDSTICK_LABELS[yardstick]}, this briefing's yardstick: say ${suggestion(closestTerm(yardstick, foreign))} instead.`,
        location: at(match.start, match.end),
      });
    }
    if (match.negatedAt !== null) {
      problems.push({
        code: 'negated-likelihood',
        severity: 'warning',
        message: `${quoted(shown)} negates a probability term, leaving the reader to work out the range (about ${rangeText(said)}): say ${suggestion(closestTerm(yardstick, said))} instead.`,
        location: at(start, match.end),
      });
    }
    if (stated === null) {
      if (judgement.likelihood === null && !reportedUnset) {
        reportedUnset = true;
        problems.push({
          code: 'likelihood-without-term',
          severity: 'warning',
          message: `The statement says ${quoted(shown)} but no likelihood is chosen for this judgement: choose the term it means.`,
          location: at(start, match.end),
        });
      }
      continue;
    }
    const agrees = own !== null && match.negatedAt === null ? own.key === stated.key : overlaps(said, stated);
    if (!agrees) {
      problems.push({
        code: 'likelihood-mismatch',
        severity: 'error',
        message: `The statement says ${quoted(shown)} (${rangeText(said)}) but the judgement's likelihood is ${describeLikelihood(stated)}: make the words and the likelihood agree.`,
        location: at(start, match.end),
      });
    }
  }
  for (const hedge of findHedges(judgement.statement)) {
    problems.push({
      code: 'vague-hedge',
      severity: 'warning',
      message: `${quoted(hedge.word)} is a vague hedge that gives no probability: state the likelihood with a term of ${YARDSTICK_LABELS[yardstick]}.`,
      location: at(hedge.start, hedge.end),
    });
  }
  return problems;
}

/**
 * The likelihood a statement's own words name, to start an unset likelihood from: the term of the
 * briefing's yardstick that every plain (not negated) probability phrase in it agrees on; null
 * when there is none, when they disagree, or when one is negated or of the other yardstick (the
 * analyst must then choose, and the checks say why).
 */
export function likelihoodFromWording(statement: string, yardstick: Yardstick): string | null {
  const keys = new Set<string>();
  for (const match of findProbabilityPhrases(statement)) {
    const term = termWithWording(yardstick, match.wording);
    if (match.negatedAt !== null || term === null) return null;
    keys.add(term.key);
  }
  return keys.size === 1 ? ([...keys][0] ?? null) : null;
}
