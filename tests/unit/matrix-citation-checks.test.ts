import { describe, expect, it } from 'vitest';
import { describeStanding, matrixStanding, type MatrixStanding } from '../../src/analysis/matrix-standing';
import type { AchMatrixRecord } from '../../src/domain/ach';
import type { AchRating } from '../../src/analysis/ach';
import { runTradecraftChecks } from '../../src/tradecraft';
import { item, judgement, link } from './helpers/judgements';

/** A 3-hypothesis matrix of free-text items (medium relevance, medium credibility: weight 1 each). */
function matrix(rows: AchRating[][]): AchMatrixRecord {
  const hypotheses = ['h1', 'h2', 'h3'].map((id) => ({ id, text: `Hypothesis ${id}`, version: 1 }));
  const items = rows.map((_, index) => ({
    id: `e${index}`,
    kind: 'argument' as const,
    targetId: null,
    text: `Argument ${index}`,
    state: 'live' as const,
    sourceIds: [],
    sourceTitle: '',
    reliability: null,
    credibilityGrade: null,
    relevance: 'medium' as const,
    credibilityOverride: null,
    credibilityReason: '',
    credibility: 'medium' as const,
    version: 1,
  }));
  const ratings = Object.fromEntries(
    rows.map((row, index) => [`e${index}`, Object.fromEntries(row.map((rating, h) => [`h${h + 1}`, rating]))]),
  );
  return {
    id: 'm1',
    title: 'Why',
    question: '',
    briefingId: null,
    version: 1,
    hypotheses,
    items,
    ratings,
    derivations: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const codes = (standing: MatrixStanding | null): string[] =>
  runTradecraftChecks({
    yardstick: 'icd203',
    judgements: [judgement({ evidence: [link('supports', item('s1')), link('supports', item('s2'))] })],
    derivations: [],
    analysis: { matrices: new Map(standing ? [['j1', standing]] : []) },
  }).map((problem) => problem.code);

describe('a judgement citing a matrix', () => {
  it('stands as the matrix ranks its hypothesis: leader with margin, below another with both scores, tied', () => {
    // h1: 0, h2: 1 (one I), h3: 3 (I + II)
    const m = matrix([
      ['C', 'I', 'II'],
      ['CC', 'N', 'I'],
    ]);
    const leading = matrixStanding(m, 'h1');
    expect(leading).toMatchObject({ leaderId: 'h1', margin: 1, rankedAbove: null, score: 0 });
    expect(describeStanding(leading as MatrixStanding)).toBe('leads by 1');
    const trailing = matrixStanding(m, 'h3') as MatrixStanding;
    expect(trailing.rankedAbove).toEqual({ hypothesisId: 'h1', text: 'Hypothesis h1', score: 0 });
    expect(describeStanding(trailing)).toBe('ranked below “Hypothesis h1” (weighted inconsistency 3 against 0)');
    const tied = matrixStanding(
      matrix([
        ['I', 'I', 'II'],
        ['N', 'N', 'N'],
      ]),
      'h2',
    ) as MatrixStanding;
    expect(tied).toMatchObject({ leaderId: null, rankedAbove: null });
    expect(describeStanding(tied)).toBe('tied for the lead');
    expect(matrixStanding(m, 'gone')).toBeNull();
  });

  it('is warned when the matrix ranks its hypothesis below another, with the numbers, and not when it leads or ties', () => {
    const m = matrix([['C', 'I', 'II']]);
    const problems = runTradecraftChecks({
      yardstick: 'icd203',
      judgements: [judgement({ evidence: [link('supports', item('s1')), link('supports', item('s2'))] })],
      derivations: [],
      analysis: { matrices: new Map([['j1', matrixStanding(m, 'h2') as MatrixStanding]]) },
    }).filter((problem) => problem.code === 'matrix-disagrees');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severity).toBe('warning');
    expect(problems[0]?.message).toContain('“Hypothesis h2”, below “Hypothesis h1”: weighted inconsistency 1 against 0');
    expect(codes(matrixStanding(m, 'h1'))).not.toContain('matrix-disagrees');
    expect(codes(matrixStanding(matrix([['I', 'I', 'C']]), 'h3'))).not.toContain('matrix-disagrees');
    // A tie at the top is no ranking below: h1 and h2 both 1, h3 2.
    expect(codes(matrixStanding(matrix([['I', 'I', 'II']]), 'h2'))).not.toContain('matrix-disagrees');
    expect(codes(null)).not.toContain('matrix-disagrees');
  });
});
