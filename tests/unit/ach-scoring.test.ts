import { describe, expect, it } from 'vitest';
import {
  credibilityFromGrades,
  diagnosticity,
  leader,
  scoreHypotheses,
  sensitivity,
  type AchItem,
  type AchMatrix,
  type AchRating,
} from '../../src/analysis/ach';

const item = (
  id: string,
  sourceIds: string[] = [],
  relevance: AchItem['relevance'] = 'medium',
  credibility: AchItem['credibility'] = 'medium',
): AchItem => ({
  id,
  sourceIds,
  relevance,
  credibility,
});

/** Rows of ratings in hypothesis order, e.g. `{ e1: ['C', 'I'] }`. */
function matrix(hypotheses: string[], items: AchItem[], rows: Record<string, AchRating[]>): AchMatrix {
  const ratings: Record<string, Record<string, AchRating>> = {};
  for (const [itemId, row] of Object.entries(rows)) {
    ratings[itemId] = Object.fromEntries(row.map((rating, index) => [hypotheses[index] ?? '', rating]));
  }
  return { hypotheses: hypotheses.map((id) => ({ id })), items, ratings };
}

describe('ACH scoring', () => {
  it('counts only inconsistency, weighted by relevance × credibility, and ranks the least inconsistent first', () => {
    const m = matrix(['h1', 'h2', 'h3'], [item('e1', [], 'high', 'high'), item('e2'), item('e3', [], 'low', 'medium')], {
      e1: ['CC', 'I', 'C'], // h2: 1 × 2 × 2 = 4
      e2: ['C', 'C', 'II'], // h3: 2 × 1 × 1 = 2
      e3: ['I', 'N', 'II'], // h1: 1 × 0.5 = 0.5; h3: 2 × 0.5 = 1
    });
    const scores = scoreHypotheses(m);
    expect(scores.map((s) => [s.hypothesisId, s.weightedInconsistency])).toEqual([
      ['h1', 0.5],
      ['h3', 3],
      ['h2', 4],
    ]);
    // Consistent ratings add nothing: h1's CC and C leave its score at its one I.
    expect(scores[0]?.counts).toEqual({ CC: 1, C: 1, N: 0, I: 1, II: 0 });
    expect(leader(m)).toEqual({ hypothesisId: 'h1', margin: 2.5 });
  });

  it('names no leader when the top two tie, and treats a missing rating as neutral', () => {
    const m = matrix(['h1', 'h2'], [item('e1'), item('e2')], { e1: ['I', 'C'], e2: ['C', 'I'] });
    expect(leader(m).hypothesisId).toBeNull();
    const sparse: AchMatrix = { hypotheses: [{ id: 'h1' }, { id: 'h2' }], items: [item('e1')], ratings: { e1: { h2: 'II' } } };
    expect(scoreHypotheses(sparse)[0]).toMatchObject({ hypothesisId: 'h1', counts: { N: 1 } });
  });

  it('gives an item rated alike against every hypothesis no diagnosticity, and weights the spread of the rest', () => {
    const m = matrix(['h1', 'h2', 'h3'], [item('same'), item('spread', [], 'high', 'high'), item('mild')], {
      same: ['C', 'C', 'C'],
      spread: ['CC', 'N', 'II'],
      mild: ['C', 'N', 'N'],
    });
    const [same, spread, mild] = m.items as [AchItem, AchItem, AchItem];
    expect(diagnosticity(m, same)).toBe(0);
    expect(diagnosticity(m, spread)).toBe(4 * 4);
    expect(diagnosticity(m, mild)).toBe(1);
  });

  it('finds the items the conclusion hangs on, by removal and by lowering credibility', () => {
    // h1 leads only because of e1; e2 and e3 count against both alike.
    const m = matrix(['h1', 'h2'], [item('e1', ['s1'], 'high', 'high'), item('e2', ['s2']), item('e3', ['s3'])], {
      e1: ['C', 'II'],
      e2: ['I', 'I'],
      e3: ['N', 'N'],
    });
    const result = sensitivity(m, []);
    expect(result.removalChangesLeader).toEqual(['e1']);
    expect(result.lowCredibilityChangesLeader).toEqual([]);
    expect(result.hangsOnOneItem).toBe(true);
    expect(result.hangsOnOneSource).toBe(true);
  });

  it('counts sources joined by derived-from links as one strand, and is not fragile when two independent items agree', () => {
    const items = [item('speech', ['s-speech']), item('wire', ['s-wire']), item('daily', ['s-daily'])];
    const m = matrix(['h1', 'h2'], items, { speech: ['C', 'I'], wire: ['C', 'I'], daily: ['N', 'N'] });
    // The wire story rests on the speech: the two separating items are one strand.
    expect(sensitivity(m, [['s-wire', 's-speech']]).hangsOnOneSource).toBe(true);
    expect(sensitivity(m, []).hangsOnOneSource).toBe(false);
    expect(sensitivity(m, []).hangsOnOneItem).toBe(false);
  });

  it('defaults credibility from the weaker of the two Admiralty grades', () => {
    expect(credibilityFromGrades('A', '1')).toBe('high');
    expect(credibilityFromGrades('B', '3')).toBe('medium');
    expect(credibilityFromGrades('C', '2')).toBe('medium');
    expect(credibilityFromGrades('A', '5')).toBe('low');
    expect(credibilityFromGrades('E', '1')).toBe('low');
    expect(credibilityFromGrades(null, '1')).toBe('low');
  });
});
