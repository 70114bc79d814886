import { describe, expect, it } from 'vitest';
import { YARDSTICKS, type Yardstick } from '../../src/domain/briefing';
import { YARDSTICK_TERMS } from '../../src/domain/judgement';
import { checkEstimativeLanguage, findHedges } from '../../src/tradecraft/estimative';
import { findProbabilityPhrases } from '../../src/tradecraft/estimative-terms';
import type { TradecraftCode } from '../../src/tradecraft/problem';

const codes = (statement: string, likelihood: string | null, yardstick: Yardstick = 'icd203'): TradecraftCode[] =>
  checkEstimativeLanguage({ id: 'j1', statement, likelihood }, yardstick).map((problem) => problem.code);

const wordings = (text: string): string[] => findProbabilityPhrases(text).map((match) => match.wording);

const other = (yardstick: Yardstick): Yardstick => (yardstick === 'icd203' ? 'phia' : 'icd203');

describe('every wording of both yardsticks', () => {
  for (const yardstick of YARDSTICKS) {
    for (const term of YARDSTICK_TERMS[yardstick]) {
      for (const wording of term.words) {
        it(`${yardstick}: “${wording}” agrees with ${term.key} and disagrees with every other term`, () => {
          const statement = `Pyongyang is ${wording} to resume talks before 2018.`;
          expect(wordings(statement)).toEqual([wording]);
          expect(codes(statement, term.key, yardstick)).toEqual([]);
          for (const rival of YARDSTICK_TERMS[yardstick].filter((t) => t.key !== term.key)) {
            expect(codes(statement, rival.key, yardstick), `${wording} vs ${rival.key}`).toEqual(['likelihood-mismatch']);
          }
        });

        const elsewhere = YARDSTICK_TERMS[other(yardstick)].some((t) => t.words.includes(wording));
        if (!elsewhere) {
          it(`${yardstick} only: “${wording}” in a ${other(yardstick)} briefing belongs to the other yardstick`, () => {
            const found = checkEstimativeLanguage({ id: 'j1', statement: `It is ${wording}.`, likelihood: null }, other(yardstick));
            expect(found.map((p) => p.code)).toEqual(['other-yardstick', 'likelihood-without-term']);
            expect(found[0]?.location).toEqual({
              kind: 'judgement',
              judgementId: 'j1',
              field: 'statement',
              span: { start: 6, end: 6 + wording.length },
            });
          });
        }
      }
    }
  }

  it('count the wordings the two yardsticks share, each read with its own yardstick’s range', () => {
    const icd = new Set(YARDSTICK_TERMS.icd203.flatMap((t) => t.words));
    const shared = YARDSTICK_TERMS.phia.flatMap((t) => t.words).filter((w) => icd.has(w));
    expect(shared.sort()).toEqual(['almost certain', 'likely', 'probable', 'unlikely']);
    // PHIA's "likely" is 55–75%, ICD's 55–80%: both are fine in their own briefing.
    expect(codes('Likely.', 'likely', 'phia')).toEqual([]);
    expect(codes('Likely.', 'likely', 'icd203')).toEqual([]);
    const message = checkEstimativeLanguage({ id: 'j', statement: 'Unlikely.', likelihood: 'likely' }, 'phia')[0]?.message;
    expect(message).toContain('(25–35%)');
    expect(message).toContain('likely (55–75%)');
  });
});

describe('whole phrases, longest first', () => {
  it.each([
    ['It is highly unlikely.', ['highly unlikely']],
    ['It is unlikely.', ['unlikely']],
    ['An improbable outcome.', ['improbable']],
    ['A highly improbable outcome.', ['highly improbable']],
    ['A probable outcome.', ['probable']],
    ['There is a remote chance.', ['remote chance']],
    ['The chance is remote.', ['remote']],
    ['There is almost no chance of it.', ['almost no chance']],
    ['Very likely, then likely, then very unlikely.', ['very likely', 'likely', 'very unlikely']],
    ['a roughly even chance and roughly even odds', ['roughly even chance', 'roughly even odds']],
    ['It is nearly certain, almost certain even.', ['nearly certain', 'almost certain']],
    ['A realistic possibility, highly likely, highly probable.', ['realistic possibility', 'highly likely', 'highly probable']],
  ])('%s', (text, expected) => expect(wordings(text)).toEqual(expected));

  it('ignores case, hyphens and surrounding punctuation but not punctuation inside a phrase', () => {
    expect(wordings('HIGHLY UNLIKELY!')).toEqual(['highly unlikely']);
    expect(wordings('(highly-likely)')).toEqual(['highly likely']);
    expect(wordings('“Likely,” he said.')).toEqual(['likely']);
    expect(wordings('It was very. Likely so.')).toEqual(['likely']);
    expect(wordings('highly, unlikely')).toEqual(['unlikely']);
  });

  it('does not take words that merely contain a term', () => {
    expect(wordings('likelihood, probability, unlikeliness, remotely, certainty, likelier, improbability')).toEqual([]);
  });

  it('reads the adverb forms of the ICD 203 table as their wording', () => {
    expect(wordings('It will almost certainly fail; it probably will; improbably so; highly probably; nearly certainly.')).toEqual([
      'almost certain',
      'probable',
      'improbable',
      'highly probable',
      'nearly certain',
    ]);
    expect(codes('Pyongyang will almost certainly test again.', 'almost-certain')).toEqual([]);
    expect(codes('Pyongyang will probably test again.', 'likely')).toEqual([]);
    expect(codes('Pyongyang will probably test again.', 'very-likely')).toEqual(['likelihood-mismatch']);
    expect(codes('Pyongyang will probably not test again.', 'likely', 'phia')).toEqual([]);
    expect(codes('Pyongyang will almost certainly test again.', 'almost-certain', 'phia')).toEqual([]);
  });

  it('reads “remote” as probability only where it speaks of a chance', () => {
    expect(wordings('Allies will not send ships to remote waters.')).toEqual([]);
    expect(wordings('A remote possibility; the prospect is remote. Success seems remote, and talks look very remote.')).toEqual([
      'remote',
      'remote',
      'remote',
      'remote',
    ]);
    expect(wordings('Its chances: remote.')).toEqual(['remote']);
    expect(codes('NATO is unlikely to send ships to remote waters.', 'unlikely')).toEqual([]);
  });

  it('says “unlikely” is not “likely” and “improbable” is not “probable” when checking', () => {
    expect(codes('Talks are unlikely.', 'likely')).toEqual(['likelihood-mismatch']);
    expect(codes('Talks are unlikely.', 'unlikely')).toEqual([]);
    expect(codes('Talks are improbable.', 'likely')).toEqual(['likelihood-mismatch']);
    expect(codes('Talks are highly unlikely.', 'unlikely', 'phia')).toEqual(['likelihood-mismatch']);
    expect(codes('Talks are highly unlikely.', 'highly-unlikely', 'phia')).toEqual([]);
    expect(codes('Talks are highly unlikely.', 'very-unlikely', 'icd203')).toEqual(['other-yardstick']);
  });

  it('flags a PHIA-only term whose range also disagrees as both foreign and mismatched', () => {
    expect(codes('Talks are highly unlikely.', 'likely', 'icd203')).toEqual(['other-yardstick', 'likelihood-mismatch']);
  });
});

describe('negation', () => {
  it.each([
    ['Talks are not likely.', 'not likely'],
    ['Talks isn’t likely.', 'isn’t likely'],
    ["Talks won't be likely.", "won't be likely"],
    ['Talks will not be very likely.', 'not be very likely'],
    ['Talks are not at all likely.', 'not at all likely'],
    ['Talks are never likely.', 'never likely'],
  ])('reads %s as negated', (statement, shown) => {
    const problems = checkEstimativeLanguage({ id: 'j', statement, likelihood: 'unlikely' }, 'icd203');
    const negated = problems.find((p) => p.code === 'negated-likelihood');
    expect(negated?.message).toContain(`“${shown}”`);
  });

  it('takes the complementary sense: “not likely” agrees with unlikely, not with likely', () => {
    expect(codes('Talks are not likely.', 'unlikely')).toEqual(['negated-likelihood']);
    expect(codes('Talks are not likely.', 'likely')).toEqual(['negated-likelihood', 'likelihood-mismatch']);
    expect(codes('Talks are not unlikely.', 'likely')).toEqual(['negated-likelihood']);
    expect(codes('Talks are not very likely.', 'very-unlikely')).toEqual(['negated-likelihood']);
    expect(codes('It is not almost certain.', 'almost-no-chance')).toEqual(['negated-likelihood']);
    const message = checkEstimativeLanguage({ id: 'j', statement: 'Not likely.', likelihood: null }, 'icd203').find(
      (p) => p.code === 'negated-likelihood',
    )?.message;
    expect(message).toContain('about 20–45%');
    expect(message).toContain('“unlikely” or “improbable”');
  });

  it('does not read “almost no chance” or a distant “not” as a negation', () => {
    expect(codes('There is almost no chance of talks.', 'almost-no-chance')).toEqual([]);
    expect(codes('Not all talks fail; success is likely.', 'likely')).toEqual([]);
    expect(codes('It is not, in our view, likely.', 'unlikely')).toEqual(['likelihood-mismatch']);
  });
});

describe('likelihood and stated words', () => {
  it('asks for a likelihood when the statement uses probability words without one, once', () => {
    expect(codes('Likely, and very likely.', null)).toEqual(['likelihood-without-term']);
    expect(codes('No probability words here.', null)).toEqual([]);
  });

  it('refuses a likelihood key of the other yardstick', () => {
    expect(codes('Talks resume.', 'very-likely', 'phia')).toEqual(['other-yardstick']);
  });

  it('gives the offending words’ offsets', () => {
    const [problem] = checkEstimativeLanguage({ id: 'j', statement: 'Talks are not likely.', likelihood: 'unlikely' }, 'icd203');
    expect(problem?.location).toEqual({ kind: 'judgement', judgementId: 'j', field: 'statement', span: { start: 10, end: 20 } });
  });
});

describe('vague hedges', () => {
  it.each(['may', 'might', 'could', 'possibly', 'perhaps'])('flags “%s” in any case', (word) => {
    expect(codes(`Pyongyang ${word} test again.`, null)).toEqual(['vague-hedge']);
    expect(findHedges(`${word.toUpperCase()}.`).map((h) => h.word)).toEqual([word.toUpperCase()]);
  });

  it('leaves May the month, might the noun and words that contain a hedge', () => {
    const text = 'In May 2017 it tested; by early May it had shown its military might; the mayor could.';
    expect(findHedges(text)).toEqual([{ word: 'could', start: text.indexOf('could'), end: text.indexOf('could') + 5 }]);
    expect(findHedges('May 2018 will tell. Talks may resume. May they not.').map((h) => h.word)).toEqual(['may', 'May']);
    expect(findHedges('Perhaps. Mayhem, couldn’t, possibility.').map((h) => h.word)).toEqual(['Perhaps']);
  });
});
