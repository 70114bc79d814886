import { describe, expect, it } from 'vitest';
import type { Yardstick } from '../../src/domain/briefing';
import type { Judgement } from '../../src/domain/judgement';
import type { ArgumentTarget } from '../../src/judgement/argument-layout';
import { SAMPLE_WORKSPACE, sampleJudgementRecords } from '../../src/sample';
import { runTradecraftChecks, type Derivation, type TradecraftProblem } from '../../src/tradecraft';

/** The component's props, restated here: the node type-check of tests does not compile TSX. */
interface MapProps {
  judgements: readonly Judgement[];
  problems: readonly TradecraftProblem[];
  yardstick: Yardstick;
  derivations?: readonly Derivation[];
  onOpen: (target: ArgumentTarget) => void;
}
/*
 * Computed specifiers keep the node type-check out of TSX and React's global DOM stubs (which
 * would change the types of the e2e helpers); Vite still loads and transforms the modules.
 */
const COMPONENT = '../../renderer/judgements/ArgumentMap.tsx';
const REACT = 'react';
const REACT_SERVER = 'react-dom/server';
const { ArgumentMap } = (await import(/* @vite-ignore */ COMPONENT)) as { ArgumentMap: (props: MapProps) => unknown };
const { createElement } = (await import(/* @vite-ignore */ REACT)) as {
  createElement: (type: (props: MapProps) => unknown, props: MapProps) => unknown;
};
const { renderToStaticMarkup } = (await import(/* @vite-ignore */ REACT_SERVER)) as { renderToStaticMarkup: (element: unknown) => string };

function render(props: Partial<MapProps> = {}): string {
  const judgements = sampleJudgementRecords(SAMPLE_WORKSPACE);
  const derivations = SAMPLE_WORKSPACE.derivations.map((d) => [d.sourceKey, d.originKey] as const);
  const problems = runTradecraftChecks({ yardstick: 'icd203', judgements, derivations });
  return renderToStaticMarkup(
    createElement(ArgumentMap, { judgements, problems, yardstick: 'icd203', derivations, onOpen: () => undefined, ...props }),
  );
}

describe('ArgumentMap (rendered to markup)', () => {
  it('makes every judgement and item a focusable button with an accessible name', () => {
    const html = render();
    const buttons = [...html.matchAll(/<g role="button" tabindex="0" aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(buttons).toHaveLength(4 + 15);
    expect(buttons).toContain('Supports: pressure is key (A2)');
    expect(buttons).toContain('Contradicts: NATO is getting ready to base troops in Japan. (E5)');
    expect(buttons).toContain(
      'Context: Sanctions must be carried out in full to bring Pyongyang back to the negotiating table, the Secretary General said. (B2)',
    );
    expect(buttons.find((name) => name?.startsWith('Judgement 4:'))).toContain('thin ground: single source');
    expect(html).toContain('aria-label="Argument map: 4 key judgements, 1 on thin ground"');
  });

  it('escapes text from the library instead of interpreting it', () => {
    const judgements = sampleJudgementRecords(SAMPLE_WORKSPACE).slice(0, 1);
    const first = judgements[0] as Judgement;
    const payload = '<img src=x onerror=alert(1)>"';
    const html = render({
      judgements: [{ ...first, statement: payload, evidence: first.evidence.map((l) => ({ ...l, item: { ...l.item, text: payload } })) }],
      problems: [],
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says what to do when there are no judgements', () => {
    expect(render({ judgements: [], problems: [] })).toContain('No key judgements yet');
  });
});
