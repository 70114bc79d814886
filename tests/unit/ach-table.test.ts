import { describe, expect, it } from 'vitest';
import { achCsv, achTable } from '../../src/analysis/ach-table';
import type { AchItemRecord, AchMatrixRecord } from '../../src/domain/ach';

function item(id: string, text: string, extra: Partial<AchItemRecord> = {}): AchItemRecord {
  return {
    id,
    kind: 'argument',
    targetId: null,
    text,
    state: 'live',
    sourceIds: [],
    sourceTitle: '',
    reliability: null,
    credibilityGrade: null,
    relevance: 'medium',
    credibilityOverride: null,
    credibilityReason: '',
    credibility: 'medium',
    version: 1,
    ...extra,
  };
}

const matrix: AchMatrixRecord = {
  id: 'm',
  title: 'Why the visit',
  question: 'Why?',
  briefingId: null,
  version: 1,
  hypotheses: [
    { id: 'h1', text: 'Pressure', version: 1 },
    { id: 'h2', text: 'Routine, "as usual"', version: 1 },
  ],
  items: [
    item('e1', '=HYPERLINK("http://evil")', { relevance: 'high' }),
    item('e2', 'Said in Tokyo, twice', { kind: 'quote', targetId: 'q', sourceTitle: 'Speech', credibility: 'high' }),
  ],
  ratings: { e1: { h2: 'II' }, e2: { h1: 'C', h2: 'I' } },
  derivations: [],
  updatedAt: '2026-12-04T00:00:00Z',
};

describe('the ACH table for annexes and CSV', () => {
  it('says who leads and by how much, with each row’s ratings and diagnosticity', () => {
    const table = achTable(matrix);
    // h2: II × high × medium (2 × 2 × 1 = 4) + I × medium × high (1 × 1 × 2 = 2) = 6; h1: 0.
    expect(table.hypotheses.map((h) => [h.label, h.score, h.leads])).toEqual([
      ['H1', 0, true],
      ['H2', 6, false],
    ]);
    expect(table.verdict).toBe('H1 leads (Pressure), by 6 over H2: it has the least weighted evidence against it.');
    expect(table.rows.map((row) => [row.label, row.ratings, row.diagnosticity])).toEqual([
      ['E1', ['N', 'II'], 2 * 2],
      ['E2', ['C', 'I'], 2 * 2],
    ]);
    expect(table.rows[1]?.text).toBe('Said in Tokyo, twice (Speech)');
  });

  it('writes CSV that quotes commas and quotes and defuses formulas', () => {
    const lines = achCsv(matrix).split('\r\n');
    expect(lines[0]).toBe('Item,Kind,Evidence,Relevance,Credibility,Weight,Diagnosticity,H1: Pressure,"H2: Routine, ""as usual"""');
    expect(lines[1]).toBe(`E1,Argument,"'=HYPERLINK(""http://evil"")",high,medium,2,4,N,II`);
    expect(lines[2]).toBe('E2,Quote,"Said in Tokyo, twice (Speech)",medium,high,2,4,C,I');
    expect(lines[3]).toBe(',,Weighted inconsistency (lower is stronger),,,,,0,6');
    expect(lines[4]).toBe('');
  });
});
