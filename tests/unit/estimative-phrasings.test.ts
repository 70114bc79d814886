import { describe, expect, it } from 'vitest';
import type { Yardstick } from '../../src/domain/briefing';
import { checkEstimativeLanguage } from '../../src/tradecraft/estimative';
import { findProbabilityPhrases } from '../../src/tradecraft/estimative-terms';

/**
 * How the matcher reads common phrasings on each yardstick. `reads` is the wording found (in
 * order); `agrees` a likelihood the words fit (no mismatch) and `disagrees` one they do not.
 * Near misses find nothing and so ask for no likelihood.
 */
interface Phrasing {
  readonly text: string;
  readonly yardstick: Yardstick;
  readonly reads: readonly string[];
  readonly agrees?: string;
  readonly disagrees?: string;
}

const row = (text: string, yardstick: Yardstick, reads: string[], agrees?: string, disagrees?: string): Phrasing => ({
  text,
  yardstick,
  reads,
  agrees,
  disagrees,
});

const EVEN = 'roughly even chance';

const PHRASINGS: readonly Phrasing[] = [
  // An even chance, as analysts say it: never "likely".
  row('Talks are as likely as not to resume.', 'icd203', [EVEN], 'roughly-even-chance', 'likely'),
  row('Talks are roughly as likely as not to resume.', 'icd203', [EVEN], 'roughly-even-chance', 'likely'),
  row('Talks are about as likely as not to resume.', 'icd203', [EVEN], 'roughly-even-chance', 'likely'),
  row('Talks are just as likely as not to resume.', 'icd203', [EVEN], 'roughly-even-chance', 'likely'),
  row('Talks are As Likely As Not.', 'icd203', [EVEN], 'roughly-even-chance', 'likely'),
  row('Talks are as-likely-as-not.', 'icd203', [EVEN], 'roughly-even-chance', 'unlikely'),
  row('There is an even chance of talks.', 'icd203', [EVEN], 'roughly-even-chance', 'likely'),
  row('There is a roughly even chance of talks.', 'icd203', [EVEN], 'roughly-even-chance', 'very-likely'),
  row('Talks have roughly even odds.', 'icd203', ['roughly even odds'], 'roughly-even-chance', 'likely'),
  row('Talks are even odds.', 'icd203', ['roughly even odds'], 'roughly-even-chance', 'unlikely'),
  row('Talks are about even odds.', 'icd203', ['roughly even odds'], 'roughly-even-chance', 'likely'),
  row('Talks are a fifty-fifty prospect.', 'icd203', [EVEN], 'roughly-even-chance', 'likely'),
  // The ICD 203 table, wordings and adverbs.
  row('Talks are likely.', 'icd203', ['likely'], 'likely', 'roughly-even-chance'),
  row('Talks are probable.', 'icd203', ['probable'], 'likely', 'very-likely'),
  row('Talks will probably resume.', 'icd203', ['probable'], 'likely', 'unlikely'),
  row('Talks are very likely.', 'icd203', ['very likely'], 'very-likely', 'likely'),
  row('Talks are highly probable.', 'icd203', ['highly probable'], 'very-likely', 'likely'),
  row('Talks will almost certainly resume.', 'icd203', ['almost certain'], 'almost-certain', 'very-likely'),
  row('Talks are nearly certain.', 'icd203', ['nearly certain'], 'almost-certain', 'likely'),
  row('Talks are unlikely.', 'icd203', ['unlikely'], 'unlikely', 'likely'),
  row('Talks are improbable.', 'icd203', ['improbable'], 'unlikely', 'likely'),
  row('Talks are very unlikely.', 'icd203', ['very unlikely'], 'very-unlikely', 'unlikely'),
  row('Talks are highly improbable.', 'icd203', ['highly improbable'], 'very-unlikely', 'unlikely'),
  row('There is almost no chance of talks.', 'icd203', ['almost no chance'], 'almost-no-chance', 'unlikely'),
  row('The chance of talks is remote.', 'icd203', ['remote'], 'almost-no-chance', 'unlikely'),
  // Negations read as the complementary range.
  row('Talks are not likely.', 'icd203', ['likely'], 'unlikely', 'likely'),
  row('Talks aren’t likely.', 'icd203', ['likely'], 'unlikely', 'likely'),
  row('Talks are not unlikely.', 'icd203', ['unlikely'], 'likely', 'unlikely'),
  row('Talks will not be very likely.', 'icd203', ['very likely'], 'very-unlikely', 'very-likely'),
  // The other yardstick's words, read with their own range.
  row('Talks are highly likely.', 'icd203', ['highly likely'], 'very-likely', 'likely'),
  row('There is a realistic possibility of talks.', 'icd203', ['realistic possibility'], 'roughly-even-chance', 'likely'),
  row('There is a remote chance of talks.', 'icd203', ['remote chance'], 'almost-no-chance', 'unlikely'),
  // Two phrases in one statement.
  row('Talks are likely; a deal is as likely as not.', 'icd203', ['likely', EVEN]),
  // Near misses: words that only look like probability terms.
  row('The likelihood of talks is hard to judge.', 'icd203', []),
  row('Talks would be likelier after the summit.', 'icd203', []),
  row('The probability of talks is unclear.', 'icd203', []),
  row('Allies will send ships to remote waters.', 'icd203', []),
  row('Talks are certain.', 'icd203', []),
  row('An even number of delegates attended.', 'icd203', []),
  row('Likeliness and improbability are not terms.', 'phia', []),
  // UK PHIA.
  row('Talks are a realistic possibility.', 'phia', ['realistic possibility'], 'realistic-possibility', 'likely'),
  row('The likelihood of talks is a realistic possibility.', 'phia', ['realistic possibility'], 'realistic-possibility', 'unlikely'),
  row('Talks are as likely as not.', 'phia', [EVEN], 'realistic-possibility', 'likely'),
  row('Talks are roughly as likely as not.', 'phia', [EVEN], 'realistic-possibility', 'likely'),
  row('Talks are likely.', 'phia', ['likely'], 'likely', 'realistic-possibility'),
  row('Talks are probable.', 'phia', ['probable'], 'likely', 'highly-likely'),
  row('Talks are highly likely.', 'phia', ['highly likely'], 'highly-likely', 'likely'),
  row('Talks are very likely.', 'phia', ['very likely'], 'highly-likely', 'likely'),
  row('Talks are unlikely.', 'phia', ['unlikely'], 'unlikely', 'likely'),
  row('Talks are highly unlikely.', 'phia', ['highly unlikely'], 'highly-unlikely', 'unlikely'),
  row('There is a remote chance of talks.', 'phia', ['remote chance'], 'remote-chance', 'highly-unlikely'),
  row('Talks are almost certain.', 'phia', ['almost certain'], 'almost-certain', 'highly-likely'),
  row('Talks are not likely.', 'phia', ['likely'], 'unlikely', 'likely'),
  row('Talks are not highly likely.', 'phia', ['highly likely'], 'highly-unlikely', 'highly-likely'),
];

const codes = (text: string, likelihood: string | null, yardstick: Yardstick): string[] =>
  checkEstimativeLanguage({ id: 'j', statement: text, likelihood }, yardstick).map((problem) => problem.code);

describe('estimative phrasings on both yardsticks', () => {
  it('has a table of at least forty phrasings', () => expect(PHRASINGS.length).toBeGreaterThanOrEqual(40));

  it.each(PHRASINGS.map((phrasing) => [`${phrasing.yardstick}: ${phrasing.text}`, phrasing] as const))('%s', (_name, phrasing) => {
    expect(findProbabilityPhrases(phrasing.text).map((match) => match.wording)).toEqual(phrasing.reads);
    if (phrasing.agrees) expect(codes(phrasing.text, phrasing.agrees, phrasing.yardstick)).not.toContain('likelihood-mismatch');
    if (phrasing.disagrees) expect(codes(phrasing.text, phrasing.disagrees, phrasing.yardstick)).toContain('likelihood-mismatch');
    if (phrasing.reads.length === 0) expect(codes(phrasing.text, null, phrasing.yardstick)).toEqual([]);
  });

  it('says an even chance in a PHIA briefing belongs to ICD 203 and suggests a realistic possibility', () => {
    const [problem] = checkEstimativeLanguage({ id: 'j', statement: 'Talks are as likely as not.', likelihood: null }, 'phia');
    expect(problem?.code).toBe('other-yardstick');
    expect(problem?.message).toContain('“realistic possibility”');
  });
});
