import { describe, expect, it } from 'vitest';
import { bySeverity, problemCounts } from '../../renderer/briefings/problem-severity';

describe('problem severity', () => {
  const items = [
    { severity: 'warning' as const, id: 'w1' },
    { severity: 'error' as const, id: 'e1' },
    { severity: 'warning' as const, id: 'w2' },
    { severity: 'error' as const, id: 'e2' },
  ];
  it('lists errors first, keeping the checks’ order within a severity', () => {
    expect(bySeverity(items).map((item) => item.id)).toEqual(['e1', 'e2', 'w1', 'w2']);
  });
  it('counts each severity present, in words', () => {
    expect(problemCounts(items).map((entry) => entry.label)).toEqual(['2 errors', '2 warnings']);
    expect(problemCounts(items.slice(0, 1)).map((entry) => entry.label)).toEqual(['1 warning']);
    expect(problemCounts([])).toEqual([]);
  });
});
