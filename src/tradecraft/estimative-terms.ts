import type { Yardstick } from '../domain/briefing';
import { YARDSTICK_TERMS, type LikelihoodTerm } from '../domain/judgement';
import { joinable, tokenize, type Token } from './tokens';

/** A probability phrase found in a text. */
export interface ProbabilityMatch {
  /** The wording as the yardsticks spell it, e.g. "highly unlikely" (adverbs read as their wording: "probably" is "probable"). */
  readonly wording: string;
  /** UTF-16 offsets of the phrase itself (without the negation). */
  readonly start: number;
  readonly end: number;
  /** Offset where a negation in front of it starts ("not likely"), or null. */
  readonly negatedAt: number | null;
}

/**
 * Adverb forms the ICD 203 table itself allows beside its wordings ("probable (probably)",
 * "almost certain(ly)"): they are read as the wording they come from.
 */
const ADVERB_FORMS: Readonly<Record<string, string>> = {
  probably: 'probable',
  improbably: 'improbable',
  'highly probably': 'highly probable',
  'highly improbably': 'highly improbable',
  'almost certainly': 'almost certain',
  'nearly certainly': 'nearly certain',
};

/**
 * Everyday ways of saying an even chance. Left out, "as likely as not" would be read as its
 * inner "likely" (55–80%): the opposite of what the analyst wrote. They are ICD 203's even
 * chance; in a PHIA briefing, which has no such term, they are flagged as the other yardstick's.
 */
const EVEN_CHANCE_FORMS: Readonly<Record<string, string>> = {
  'as likely as not': 'roughly even chance',
  'roughly as likely as not': 'roughly even chance',
  'about as likely as not': 'roughly even chance',
  'even chance': 'roughly even chance',
  'about even chance': 'roughly even chance',
  'fifty fifty': 'roughly even chance',
  'even odds': 'roughly even odds',
  'about even odds': 'roughly even odds',
};

/** What the matcher looks for: every wording of both yardsticks and the other forms above, longest first. */
export const PROBABILITY_PHRASES: readonly { written: string; wording: string; words: readonly string[] }[] = [
  ...[...new Set(Object.values(YARDSTICK_TERMS).flatMap((terms) => terms.flatMap((term) => term.words)))].map((wording) => ({
    written: wording,
    wording,
  })),
  ...Object.entries({ ...ADVERB_FORMS, ...EVEN_CHANCE_FORMS }).map(([written, wording]) => ({ written, wording })),
]
  .map((phrase) => ({ ...phrase, words: phrase.written.split(' ') }))
  .sort((a, b) => b.words.length - a.words.length || b.written.length - a.written.length);

/** Wordings that are also everyday adjectives ("remote bases"): read as probability only in context. */
const CONTEXTUAL = new Set(['remote']);
const CHANCE_NOUNS = new Set(['chance', 'chances', 'possibility', 'prospect', 'prospects', 'likelihood', 'probability', 'odds']);
const COPULAS = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'remains',
  'remain',
  'remained',
  'seems',
  'seem',
  'appears',
  'appear',
  'looks',
  'look',
  'very',
  'extremely',
  'now',
  'still',
]);

/**
 * "remote" speaks of probability when said of a chance ("a remote possibility"), after a verb of
 * being ("the chance is remote"), or at the end of a clause; "remote bases" is about distance.
 */
function inProbabilityContext(text: string, tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (after === undefined || !joinable(text, token, after) || CHANCE_NOUNS.has(after.word)) return true;
  return before !== undefined && joinable(text, before, token) && COPULAS.has(before.word);
}

const NEGATORS = new Set(['not', 'never', 'hardly', 'scarcely', 'cannot']);
/** Words that may stand between a negation and the phrase: "will not be likely", "is not considered likely". */
const BRIDGES = new Set([
  'be',
  'been',
  'being',
  'seem',
  'seems',
  'appear',
  'appears',
  'look',
  'looks',
  'considered',
  'judged',
  'thought',
  'deemed',
  'at',
  'all',
]);

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't");
}

/** Where a negation governing the phrase starting at token `at` begins, or null. */
function negationBefore(text: string, tokens: readonly Token[], at: number): number | null {
  let index = at - 1;
  let bridged = 0;
  while (index >= 0) {
    const token = tokens[index] as Token;
    const next = tokens[index + 1] as Token;
    if (!joinable(text, token, next)) return null;
    if (isNegator(token.word)) return token.start;
    // "not at all likely": two bridge words at most.
    if (!BRIDGES.has(token.word) || bridged === 2) return null;
    bridged += 1;
    index -= 1;
  }
  return null;
}

/**
 * Probability phrases of either yardstick in `text`, as whole words, longest first and never
 * overlapping: "unlikely" is not "likely", "improbable" is not "probable", "remote chance" is
 * one phrase, "remote" alone counts only where it speaks of a chance. Case, hyphens and punctuation around the words do not matter; punctuation inside
 * a phrase breaks it. Linear in the text's length.
 */
export function findProbabilityPhrases(text: string): ProbabilityMatch[] {
  const tokens = tokenize(text);
  const found: ProbabilityMatch[] = [];
  let index = 0;
  while (index < tokens.length) {
    const phrase = PROBABILITY_PHRASES.find(({ words }) =>
      words.every((word, offset) => {
        const token = tokens[index + offset];
        if (token?.word !== word) return false;
        return offset === 0 || joinable(text, tokens[index + offset - 1] as Token, token);
      }),
    );
    if (!phrase || (CONTEXTUAL.has(phrase.written) && !inProbabilityContext(text, tokens, index))) {
      index += 1;
      continue;
    }
    const first = tokens[index] as Token;
    const last = tokens[index + phrase.words.length - 1] as Token;
    found.push({ wording: phrase.wording, start: first.start, end: last.end, negatedAt: negationBefore(text, tokens, index) });
    index += phrase.words.length;
  }
  return found;
}

/** The term of `yardstick` that has this wording, or null when only the other yardstick uses it. */
export function termWithWording(yardstick: Yardstick, wording: string): LikelihoodTerm | null {
  return YARDSTICK_TERMS[yardstick].find((term) => term.words.includes(wording)) ?? null;
}

export function otherYardstick(yardstick: Yardstick): Yardstick {
  return yardstick === 'icd203' ? 'phia' : 'icd203';
}

/** A probability range, whole percentages inclusive. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** What "not <term>" leaves: the complementary range ("not likely", 55–80%, is 20–45%). */
export function complement(range: Range): Range {
  return { min: 100 - range.max, max: 100 - range.min };
}

/** Ranges that share more than an endpoint (ICD 203's "very unlikely" 5–20% and "unlikely" 20–45% do not). */
export function overlaps(a: Range, b: Range): boolean {
  return Math.min(a.max, b.max) - Math.max(a.min, b.min) > 0;
}

/** The term of `yardstick` whose range is closest (by midpoint) to `range`. */
export function closestTerm(yardstick: Yardstick, range: Range): LikelihoodTerm {
  const mid = (range.min + range.max) / 2;
  const distance = (term: LikelihoodTerm): number => Math.abs((term.min + term.max) / 2 - mid);
  return YARDSTICK_TERMS[yardstick].reduce((best, term) => (distance(term) < distance(best) ? term : best));
}
