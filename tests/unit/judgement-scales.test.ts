import { describe, expect, it } from 'vitest';
import { describeLikelihood, describeRange, likelihoodTerm, nearestTerm, YARDSTICK_TERMS } from '../../src/domain/judgement';
import { countIndependent, independentGroups, strandsTouching } from '../../src/judgement/independence';

describe('yardsticks', () => {
  it('hold the ICD 203 table exactly, alternatives included', () => {
    const rows = YARDSTICK_TERMS.icd203.map((t) => `${t.words.join(' / ')} ${describeRange(t)}`);
    expect(rows).toEqual([
      'almost no chance / remote 1–5%',
      'very unlikely / highly improbable 5–20%',
      'unlikely / improbable 20–45%',
      'roughly even chance / roughly even odds 45–55%',
      'likely / probable 55–80%',
      'very likely / highly probable 80–95%',
      'almost certain / nearly certain 95–99%',
    ]);
  });

  it('hold the PHIA yardstick with its deliberate gaps', () => {
    const rows = YARDSTICK_TERMS.phia.map((t) => `${t.words.join(' / ')} ${describeRange(t)}`);
    expect(rows).toEqual([
      'remote chance ≤5%',
      'highly unlikely 10–20%',
      'unlikely 25–35%',
      'realistic possibility 40–50%',
      'likely / probable 55–75%',
      'highly likely 80–90%',
      'almost certain ≥95%',
    ]);
  });

  it('look terms up per yardstick: a shared key has each scale’s own range', () => {
    const icd = likelihoodTerm('icd203', 'likely');
    const phia = likelihoodTerm('phia', 'likely');
    expect(icd && describeLikelihood(icd)).toBe('likely (55–80%)');
    expect(phia && describeLikelihood(phia)).toBe('likely (55–75%)');
    expect(likelihoodTerm('phia', 'very-likely')).toBeNull();
    expect(likelihoodTerm('icd203', null)).toBeNull();
  });

  it('map a term to the nearest of the other yardstick', () => {
    expect(nearestTerm('icd203', 'very-likely', 'phia')?.key).toBe('highly-likely');
    expect(nearestTerm('phia', 'realistic-possibility', 'icd203')?.key).toBe('roughly-even-chance');
    expect(nearestTerm('icd203', 'almost-no-chance', 'phia')?.key).toBe('remote-chance');
    expect(nearestTerm('icd203', 'nonsense', 'phia')).toBeNull();
  });
});

describe('independent sources', () => {
  it('count sources joined by derived-from links once, transitively and through unlisted sources', () => {
    expect(countIndependent(['a', 'b', 'c'], [])).toBe(3);
    expect(countIndependent(['a', 'b', 'c'], [['b', 'a']])).toBe(2);
    expect(
      countIndependent(
        ['a', 'c'],
        [
          ['a', 'x'],
          ['c', 'x'],
        ],
      ),
    ).toBe(1);
    expect(countIndependent(['a', 'a', 'b'], [['z', 'y']])).toBe(2);
    expect(countIndependent([], [['a', 'b']])).toBe(0);
  });

  it('name the members of each strand', () => {
    const groups = [
      ...independentGroups(
        ['a', 'b', 'c', 'd'],
        [
          ['b', 'a'],
          ['d', 'c'],
        ],
      ).values(),
    ].map((g) => g.sort().join(''));
    expect(groups.sort()).toEqual(['ab', 'cd']);
  });
});

describe('strands touching a set of sources', () => {
  it('keep every link of a strand that holds one of them, and no other', () => {
    const links: [string, string][] = [
      ['b', 'a'],
      ['c', 'b'],
      ['y', 'x'],
      ['d', 'c'],
    ];
    expect(strandsTouching(['a'], links)).toEqual([
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
    ]);
    expect(strandsTouching(['x', 'q'], links)).toEqual([['y', 'x']]);
    expect(strandsTouching([], links)).toEqual([]);
  });
});
