import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YARDSTICKS } from '../../src/domain/briefing';
import { YARDSTICK_TERMS } from '../../src/domain/judgement';
import { runTradecraftChecks } from '../../src/tradecraft';
import { findHedges } from '../../src/tradecraft/estimative';
import { findProbabilityPhrases, PROBABILITY_PHRASES } from '../../src/tradecraft/estimative-terms';
import { tokenize } from '../../src/tradecraft/tokens';

const ALL_WORDINGS = [...new Set(YARDSTICKS.flatMap((y) => YARDSTICK_TERMS[y].flatMap((t) => t.words)))];
const PIECES = [
  ...PROBABILITY_PHRASES.flatMap((p) => p.words),
  'bases',
  'waters',
  'is',
  'possibility',
  'not',
  "isn't",
  'never',
  'be',
  'at',
  'all',
  'may',
  'May',
  'might',
  'could',
  'perhaps',
  'possibly',
  'high',
  'confidence',
  'confident',
  'chance',
  'odds',
  'talks',
  '2017',
  'Pyongyang',
  'LIKELY',
  'Highly',
  'un',
  'likelihood',
  'probably',
];
const SEPARATORS = [' ', ' ', ' ', '-', ', ', '. ', '\n', '(', ')', '“', '”', '’', "'", '', '\u00a0', '—'];

/** Text made mostly of estimative words and separators, with some arbitrary Unicode mixed in. */
const estimativeText = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 4 })), fc.constantFrom(...SEPARATORS)), {
    maxLength: 40,
  })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

const normalised = (text: string): string =>
  tokenize(text)
    .map((t) => t.word)
    .join(' ');
const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char);
/** Whether a match ends mid-word: a letter follows, or an apostrophe and a letter ("likely's"). */
const endsInsideWord = (text: string, end: number): boolean =>
  isWordChar(text[end]) || (/['’]/.test(text[end] ?? '') && isWordChar(text[end + 1]));

/** An independent oracle: `wording` written at `start` with only spaces or hyphens between its words, as whole words. */
function wordingAt(text: string, start: number, wording: string): boolean {
  const pattern = new RegExp(wording.split(' ').join('[\\s\\-‐‑]+'), 'iuy');
  pattern.lastIndex = start;
  return pattern.test(text) && !endsInsideWord(text, pattern.lastIndex);
}

describe('estimative-language matching over random text', () => {
  it('never throws, and every check runs on any judgement text', () => {
    fc.assert(
      fc.property(
        estimativeText,
        estimativeText,
        fc.constantFrom(...YARDSTICKS),
        fc.constantFrom(null, 'likely', 'remote', 'bogus'),
        (statement, rationale, yardstick, likelihood) => {
          const problems = runTradecraftChecks({
            yardstick,
            derivations: [],
            judgements: [{ id: 'j', statement, rationale, likelihood, confidence: null, evidence: [] }],
          });
          for (const problem of problems) {
            expect(problem.message.length).toBeGreaterThan(0);
            if (problem.location.kind === 'judgement' && problem.location.span) {
              const text = problem.location.field === 'statement' ? statement : rationale;
              expect(problem.location.span.start).toBeGreaterThanOrEqual(0);
              expect(problem.location.span.end).toBeLessThanOrEqual(text.length);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('matches only whole phrases of the yardsticks, in order and without overlap', () => {
    fc.assert(
      fc.property(estimativeText, (text) => {
        let last = 0;
        for (const match of findProbabilityPhrases(text)) {
          expect(match.start).toBeGreaterThanOrEqual(last);
          last = match.end;
          const written = normalised(text.slice(match.start, match.end));
          expect(PROBABILITY_PHRASES.some((p) => p.written === written && p.wording === match.wording)).toBe(true);
          expect(ALL_WORDINGS).toContain(match.wording);
          expect(isWordChar(text[match.start - 1])).toBe(false);
          expect(endsInsideWord(text, match.end)).toBe(false);
        }
        for (const hedge of findHedges(text)) {
          expect(isWordChar(text[hedge.start - 1])).toBe(false);
          expect(endsInsideWord(text, hedge.end)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the longest phrase: no match could be extended to a longer wording, and no term is missed', () => {
    fc.assert(
      fc.property(estimativeText, (text) => {
        const matches = findProbabilityPhrases(text);
        for (const match of matches) {
          const written = normalised(text.slice(match.start, match.end));
          expect(wordingAt(text, match.start, written)).toBe(true);
          const longer = PROBABILITY_PHRASES.filter((p) => p.words.length > written.split(' ').length);
          for (const phrase of longer)
            expect(wordingAt(text, match.start, phrase.written), `${phrase.written} at ${match.start}`).toBe(false);
        }
        // Every token that is a one-word term lies inside some match ("remote" depends on its context).
        const single = new Set(PROBABILITY_PHRASES.filter((p) => p.words.length === 1 && p.written !== 'remote').map((p) => p.written));
        for (const token of tokenize(text)) {
          if (!single.has(token.word)) continue;
          expect(matches.some((m) => m.start <= token.start && token.end <= m.end)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
