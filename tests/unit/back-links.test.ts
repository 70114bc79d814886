import { describe, expect, it } from 'vitest';
import { judgementUses, routeOfUse, type LinkingJudgement } from '../../src/domain/back-links';

const link = (judgementId: string, stance: LinkingJudgement['stance'], viaQuoteId: string | null): LinkingJudgement => ({
  judgementId,
  briefingId: 'b1',
  briefingTitle: 'Tokyo and Seoul',
  statement: `Statement ${judgementId}`,
  stance,
  viaQuoteId,
});

describe('a source’s key judgements in Used in', () => {
  it('are one row per judgement and stance, counting the quotes they come through, in the order they came', () => {
    const uses = judgementUses([
      link('j2', 'supports', 'q1'),
      link('j1', 'supports', null),
      link('j2', 'supports', 'q2'),
      link('j2', 'contradicts', 'q3'),
      link('j2', 'supports', null),
      link('j2', 'supports', 'q4'),
    ]);
    expect(uses.map((use) => [use.judgementId, use.stance, use.direct, use.throughQuotes])).toEqual([
      ['j2', 'supports', true, 3],
      ['j1', 'supports', true, 0],
      ['j2', 'contradicts', false, 1],
    ]);
  });

  it('say how each reaches the item', () => {
    expect(routeOfUse({ direct: true, throughQuotes: 0 })).toBe('');
    expect(routeOfUse({ direct: false, throughQuotes: 1 })).toBe('through a quote');
    expect(routeOfUse({ direct: false, throughQuotes: 2 })).toBe('through 2 quotes');
    expect(routeOfUse({ direct: true, throughQuotes: 3 })).toBe('directly and through 3 quotes');
  });
});
