import { describe, expect, it } from 'vitest';
import { levelsAbove, suggestConfidence, type ConfidenceInput } from '../../src/analysis/confidence';
import type { MatrixStanding } from '../../src/analysis/matrix-standing';
import { runTradecraftChecks } from '../../src/tradecraft';
import { item, judgement, link } from './helpers/judgements';

const graded = (sourceId: string) => item(sourceId, { reliability: 'C', credibility: '3' });

function standing(overrides: Partial<MatrixStanding>): MatrixStanding {
  return {
    matrixId: 'm',
    matrixTitle: 'Why',
    hypothesisId: 'h1',
    hypothesisText: 'H1',
    score: 0,
    leaderId: 'h1',
    leaderText: 'H1',
    bestScore: 0,
    margin: 3,
    rankedAbove: null,
    ...overrides,
  };
}

function suggest(input: Partial<ConfidenceInput>) {
  return suggestConfidence({ evidence: [], derivations: [], rationale: '', ...input });
}

describe('suggested confidence', () => {
  it('suggests low for a judgement with no evidence, saying so', () => {
    const empty = suggest({});
    expect(empty.level).toBe('low');
    expect(empty.reason).toBe('no independent sources');
    expect(empty.factors.map((factor) => factor.kind)).toEqual(['sources']);
  });

  it('stays low without a supporting source, however good the matrix looks', () => {
    const onlyAgainst = suggest({ evidence: [link('contradicts', graded('s1'))], rationale: 'However, the denial…', matrix: standing({}) });
    expect(onlyAgainst.level).toBe('low');
  });

  it('says moderate for two independent sources with one contradicting item not addressed', () => {
    const suggestion = suggest({
      evidence: [link('supports', graded('s1')), link('supports', graded('s2')), link('contradicts', graded('s3'))],
      rationale: 'Both reports agree.',
    });
    expect(suggestion.level).toBe('moderate');
    expect(suggestion.reason).toBe('two independent sources, one contradicting item not addressed');
    expect(suggestion.factors).toEqual([
      { kind: 'sources', points: 2, reason: 'two independent sources' },
      { kind: 'grades', points: 0, reason: 'support of mixed grades' },
      { kind: 'contradictions', points: -1, reason: 'one contradicting item not addressed' },
    ]);
  });

  it('costs nothing for a contradiction the rationale takes up, by source name or a word of contrast', () => {
    const evidence = [link('supports', graded('s1')), link('supports', graded('s2')), link('contradicts', graded('s3'))];
    expect(suggest({ evidence, rationale: 'Source s3 is a partisan outlet.' }).factors[2]).toMatchObject({
      points: 0,
      reason: 'one contradicting item addressed',
    });
    expect(suggest({ evidence, rationale: 'Although one report denies it, both agree.' }).level).toBe('moderate');
  });

  it('counts sources derived from one another once', () => {
    const evidence = [link('supports', graded('story')), link('supports', graded('speech')), link('supports', graded('wire'))];
    expect(suggest({ evidence }).level).toBe('high');
    const derived = suggest({
      evidence,
      derivations: [
        ['story', 'speech'],
        ['wire', 'speech'],
      ],
    });
    expect(derived.level).toBe('low');
    expect(derived.reason).toBe('one independent source');
  });

  it('weighs grades: all A–B with 1–2 raise, all E–F or 5–6 lower', () => {
    const strong = [
      link('supports', item('s1', { reliability: 'A', credibility: '1' })),
      link('supports', item('s2', { reliability: 'B', credibility: '2' })),
    ];
    expect(suggest({ evidence: strong }).level).toBe('high');
    const weak = [link('supports', item('s1', { reliability: 'E', credibility: '3' })), link('supports', item('s2', { reliability: 'F' }))];
    const suggestion = suggest({ evidence: weak });
    expect(suggestion.level).toBe('low');
    expect(suggestion.reason).toBe('two independent sources, support graded only E–F or 5–6');
  });

  it('lowers for caveated and unsupported assumptions, and names them', () => {
    const evidence = [link('supports', graded('s1')), link('supports', graded('s2')), link('supports', graded('s3'))];
    expect(suggest({ evidence, assumptions: [{ status: 'solid' }] }).level).toBe('high');
    expect(suggest({ evidence, assumptions: [{ status: 'solid' }, { status: 'caveated' }] })).toMatchObject({
      level: 'moderate',
      reason: 'three independent sources, rests on one caveated assumption',
    });
    expect(suggest({ evidence, assumptions: [{ status: 'caveated' }, { status: 'unsupported' }] }).level).toBe('moderate');
  });

  it('reads the cited matrix: a clear lead raises, a tie or a lower rank lowers', () => {
    const evidence = [link('supports', graded('s1')), link('supports', graded('s2'))];
    expect(suggest({ evidence, matrix: standing({ margin: 2 }) }).level).toBe('high');
    expect(suggest({ evidence, matrix: standing({ margin: 1.5 }) }).level).toBe('moderate');
    const tie = suggest({ evidence, matrix: standing({ leaderId: null, margin: 0 }) });
    expect(tie.factors.at(-1)).toEqual({ kind: 'matrix', points: -1, reason: 'the matrix ties its hypothesis for the lead' });
    expect(tie.level).toBe('moderate');
    const below = suggest({
      evidence,
      matrix: standing({ leaderId: 'h2', rankedAbove: { hypothesisId: 'h2', text: 'H2', score: 0 }, score: 2 }),
    });
    expect(below.level).toBe('low');
    expect(below.reason).toBe('two independent sources, the matrix ranks its hypothesis below “H2”');
  });

  it('sits on the boundary: exactly three points is high, exactly one moderate, zero low', () => {
    const two = [link('supports', graded('s1')), link('supports', graded('s2'))];
    expect(suggest({ evidence: two, matrix: standing({ margin: 2 }) }).level).toBe('high'); // 2 + 1
    expect(suggest({ evidence: two, assumptions: [{ status: 'caveated' }] }).level).toBe('moderate'); // 2 − 1
    expect(suggest({ evidence: two, assumptions: [{ status: 'unsupported' }] }).level).toBe('low'); // 2 − 2
  });

  it('ignores evidence in the trash', () => {
    const evidence = [link('supports', graded('s1')), link('supports', item('s2', { state: 'trashed' }))];
    expect(suggest({ evidence }).reason).toBe('one independent source');
  });

  it('counts levels between stated and suggested', () => {
    expect(levelsAbove('high', 'low')).toBe(2);
    expect(levelsAbove('moderate', 'low')).toBe(1);
    expect(levelsAbove('low', 'high')).toBe(-2);
  });
});

describe('the over-confidence check', () => {
  const oneSource = [link('supports', graded('s1'))];
  const problems = (confidence: 'high' | 'moderate' | 'low' | null) =>
    runTradecraftChecks({ yardstick: 'icd203', judgements: [judgement({ confidence, evidence: oneSource })], derivations: [] }).filter(
      (problem) => problem.code === 'confidence-above-evidence',
    );

  it('fires when the stated confidence is two levels above the suggestion, with the suggestion in its message', () => {
    const [problem, ...rest] = problems('high');
    expect(rest).toEqual([]);
    expect(problem?.severity).toBe('warning');
    expect(problem?.message).toBe('Stated high confidence is two levels above what its grounds suggest (low: one independent source).');
  });

  it('stays quiet one level above, at the suggestion, and with no confidence stated', () => {
    expect(problems('moderate')).toEqual([]);
    expect(problems('low')).toEqual([]);
    expect(problems(null)).toEqual([]);
  });

  it('leaves a judgement with no supporting evidence to the no-support error', () => {
    const codes = runTradecraftChecks({ yardstick: 'icd203', judgements: [judgement({ confidence: 'high' })], derivations: [] }).map(
      (problem) => problem.code,
    );
    expect(codes).toEqual(['no-support']);
  });
});
