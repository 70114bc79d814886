import { describe, expect, it } from 'vitest';
import { ARGUMENT_GEOMETRY, layoutArgument, wrapText, type Box } from '../../src/judgement/argument-layout';
import { runTradecraftChecks } from '../../src/tradecraft';
import { item, judgement, link } from './helpers/judgements';

const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function sampleArgument() {
  const strong = judgement({
    id: 'strong',
    statement: 'NATO will very likely keep backing the pressure campaign.',
    likelihood: 'very-likely',
    confidence: 'high',
    rationale: 'Although one commentary doubts NATO’s leverage, the speech is explicit.',
    evidence: [
      link('supports', item('speech', { text: 'pressure is key', sourceTitle: 'Speech in Tokyo', reliability: 'A', credibility: '2' })),
      link('supports', item('agency', { kind: 'source', text: 'Seoul report', reliability: 'B' })),
      link('supports', item('release', { text: 'A long quotation '.repeat(20), reliability: 'A', credibility: '1' })),
      link(
        'contradicts',
        item('blog', { text: 'NATO has no leverage in Asia.', sourceTitle: 'Policy blog', reliability: 'D', credibility: '4' }),
      ),
      link('context', item('post', { text: 'NATO will base troops in Japan.', reliability: 'E', credibility: '5' })),
      link('context', item('gone', { state: 'trashed' })),
    ],
  });
  const thin = judgement({
    id: 'thin',
    statement: 'NATO will likely keep calling the threat global.',
    likelihood: 'likely',
    confidence: null,
    evidence: [
      link('supports', item('speech', { reliability: 'A', credibility: '2' })),
      link('supports', item('wire', { reliability: 'B', credibility: '2' })),
    ],
  });
  const derivations = [['wire', 'speech']] as const;
  const judgements = [strong, thin];
  const problems = runTradecraftChecks({ yardstick: 'icd203', judgements, derivations: [...derivations] });
  return { judgements, problems, derivations: [...derivations] };
}

describe('argument layout', () => {
  it('wraps a long source name onto as many lines as it needs, so whose account it is is never cut, and grows the box to fit', () => {
    const title = 'Speech by NATO Secretary General Jens Stoltenberg at the National Press Club of Japan, Tokyo';
    const judgements = [
      judgement({
        id: 'one',
        evidence: [
          link('supports', item('speech', { text: 'pressure is key', sourceTitle: title, reliability: 'A', credibility: '2' })),
          link('supports', item('short', { text: 'short', sourceTitle: 'Wire', reliability: 'B', credibility: '2' })),
        ],
      }),
    ];
    const layout = layoutArgument({ judgements, problems: [], yardstick: 'icd203' });
    const [long, short] = layout.evidence;
    expect(long?.lines.slice(long.sourceLine).join(' ')).toBe(`— ${title}`);
    expect(long?.height).toBeGreaterThan(short?.height ?? Infinity);
    expect((short?.y ?? 0) >= (long?.y ?? 0) + (long?.height ?? 0)).toBe(true);
  });

  it('puts supporting items left, the judgement in the middle with context below, contradicting items right', () => {
    const { judgements, problems, derivations } = sampleArgument();
    const layout = layoutArgument({ judgements, problems, yardstick: 'icd203', derivations });
    const [first, second] = layout.judgements;
    expect(layout.columns.map((c) => c.label)).toEqual(['Supports', 'Judgement and context', 'Contradicts']);
    const mine = layout.evidence.filter((node) => node.judgementId === 'strong');
    for (const node of mine) {
      if (node.stance === 'supports') expect(node.x + node.width).toBeLessThan(first?.x ?? 0);
      if (node.stance === 'contradicts') expect(node.x).toBeGreaterThan((first?.x ?? 0) + (first?.width ?? 0));
      if (node.stance === 'context') {
        expect(node.x).toBeGreaterThan(first?.x ?? 0);
        expect(node.y).toBeGreaterThanOrEqual((first?.y ?? 0) + (first?.height ?? 0));
      }
    }
    // Bands do not overlap: the second judgement starts below everything of the first.
    const bottom = Math.max(...mine.map((node) => node.y + node.height), (first?.y ?? 0) + (first?.height ?? 0));
    expect(second?.y).toBe(bottom + ARGUMENT_GEOMETRY.bandGap);
    const boxes: Box[] = [...layout.judgements, ...layout.evidence];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => expect(overlap(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(false)),
    );
    for (const box of boxes) expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    expect(layout.width).toBe(2 * ARGUMENT_GEOMETRY.column + ARGUMENT_GEOMETRY.middle + 2 * ARGUMENT_GEOMETRY.gutter);
  });

  it('draws an edge from every item to its judgement, styled by stance', () => {
    const { judgements, problems, derivations } = sampleArgument();
    const layout = layoutArgument({ judgements, problems, yardstick: 'icd203', derivations });
    expect(layout.edges).toHaveLength(8);
    expect(layout.edges.map((e) => e.stance)).toEqual([
      'supports',
      'supports',
      'supports',
      'contradicts',
      'context',
      'context',
      'supports',
      'supports',
    ]);
    const [first] = layout.judgements;
    for (const edge of layout.edges.slice(0, 6)) {
      const end = edge.points.at(-1);
      const touches =
        end !== undefined &&
        first !== undefined &&
        end.x >= first.x &&
        end.x <= first.x + first.width &&
        end.y >= first.y &&
        end.y <= first.y + first.height;
      expect(touches).toBe(true);
    }
  });

  it('marks grades, weak grades, removed items and thin ground, with accessible names', () => {
    const { judgements, problems, derivations } = sampleArgument();
    const layout = layoutArgument({ judgements, problems, yardstick: 'icd203', derivations });
    expect(layout.evidence.map((node) => node.label)).toEqual([
      'Supports: pressure is key (A2)',
      'Supports: source Seoul report (B)',
      expect.stringMatching(/^Supports: A long quotation .*… \(A1\)$/),
      'Contradicts: NATO has no leverage in Asia. (D4)',
      'Context: NATO will base troops in Japan. (E5)',
      expect.stringMatching(/^Context: .* \(ungraded, in the trash\)$/),
      expect.stringMatching(/^Supports: Quote \d+ of speech \(A2\)$/),
      expect.stringMatching(/^Supports: .* \(B2\)$/),
    ]);
    expect(layout.evidence.map((node) => node.weak)).toEqual([false, false, false, false, true, false, false, false]);
    expect(layout.evidence.map((node) => node.dead)).toEqual([false, false, false, false, false, true, false, false]);
    const [strong, thin] = layout.judgements;
    expect(strong?.thin).toBe(false);
    expect(strong?.meta).toBe('very likely (80–95%) · High confidence');
    expect(strong?.counts).toBe('3 supporting (3 independent sources) · 1 contradicting · 1 context');
    expect(thin?.thin).toBe(true);
    expect(thin?.thinReasons).toEqual(['single source']);
    expect(thin?.heading).toBe('KJ 2 · thin ground: single source');
    expect(strong?.heading).toBe('KJ 1');
    expect(thin?.counts).toBe('2 supporting (1 independent source)');
    expect(thin?.label).toBe(
      'Judgement 2: NATO will likely keep calling the threat global. — likely (55–80%) · no confidence; 2 supporting (1 independent source); thin ground: single source',
    );
    expect(layout.evidence[0]?.target).toEqual({
      kind: 'quote',
      id: judgements[0]?.evidence[0]?.item.id,
      judgementId: 'strong',
      linkId: judgements[0]?.evidence[0]?.id,
    });
    expect(layout.evidence[1]?.target).toMatchObject({ kind: 'source', id: 'agency' });
    expect(strong?.target).toEqual({ kind: 'judgement', judgementId: 'strong' });
  });

  it('lays out nothing for no judgements and a bare judgement on its own', () => {
    expect(layoutArgument({ judgements: [], problems: [], yardstick: 'phia' })).toMatchObject({
      judgements: [],
      evidence: [],
      edges: [],
      height: ARGUMENT_GEOMETRY.header,
    });
    const bare = layoutArgument({
      judgements: [judgement({ statement: '  ' })],
      problems: runTradecraftChecks({ yardstick: 'phia', judgements: [judgement()], derivations: [] }),
      yardstick: 'phia',
    });
    expect(bare.judgements[0]).toMatchObject({
      lines: ['(no statement yet)'],
      meta: 'no likelihood · no confidence',
      counts: 'no supporting evidence',
      thin: true,
      thinReasons: ['no supporting evidence'],
    });
    expect(bare.height).toBe(ARGUMENT_GEOMETRY.header + ARGUMENT_GEOMETRY.judgementHeight);
  });
});

describe('wrapText', () => {
  it('wraps at spaces within the width and ends with an ellipsis when cut', () => {
    expect(wrapText('pressure is key', 40, 2)).toEqual(['pressure is key']);
    expect(wrapText('one two three four five', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapText('one two three four', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapText('one two three four', 7, 1)).toEqual(['one…']);
    expect(wrapText('abcdefghijklmnop', 6, 2)).toEqual(['abcde…']);
    expect(wrapText('  ', 10, 2)).toEqual([]);
    expect(wrapText('a b', 10, 0)).toEqual([]);
    for (const line of wrapText('x '.repeat(500), 12, 3)) expect(line.length).toBeLessThanOrEqual(12);
  });
});
