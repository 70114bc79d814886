import { describe, expect, it } from 'vitest';
import { runTradecraftChecks } from '../../src/tradecraft';
import { checkAssumptions, type CheckedAssumption } from '../../src/tradecraft/assumptions';
import { item, judgement, link } from './helpers/judgements';

function assumption(overrides: Partial<CheckedAssumption>): CheckedAssumption {
  return { id: 'a1', text: 'The statements show the purpose.', status: 'solid', caveat: '', judgementIds: ['j1'], ...overrides };
}

describe('key assumption checks', () => {
  it('is an error for a judgement to rest on an unsupported assumption, whatever its confidence', () => {
    const [problem, ...rest] = checkAssumptions({ id: 'j1', confidence: null }, [assumption({ status: 'unsupported' })]);
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      code: 'unsupported-assumption',
      severity: 'error',
      message: expect.stringContaining('unsupported assumption “The statements show the purpose.”') as string,
      location: { kind: 'judgement', judgementId: 'j1', field: 'evidence' },
    });
  });

  it('warns only when high confidence rests on a caveated assumption, and says the caveat', () => {
    const caveated = assumption({ status: 'caveated', caveat: 'Public part only' });
    const [warning] = checkAssumptions({ id: 'j1', confidence: 'high' }, [caveated]);
    expect(warning).toMatchObject({ code: 'confident-on-caveated-assumption', severity: 'warning' });
    expect(warning?.message).toContain('(Public part only)');
    expect(checkAssumptions({ id: 'j1', confidence: 'moderate' }, [caveated])).toEqual([]);
    expect(checkAssumptions({ id: 'j1', confidence: null }, [caveated])).toEqual([]);
  });

  it('reads only the assumptions the judgement rests on, and nothing from solid ones', () => {
    const others = [
      assumption({ id: 'a1', status: 'unsupported', judgementIds: ['j2'] }),
      assumption({ id: 'a2', status: 'caveated', caveat: 'c', judgementIds: [] }),
      assumption({ id: 'a3', status: 'solid' }),
    ];
    expect(checkAssumptions({ id: 'j1', confidence: 'high' }, others)).toEqual([]);
  });

  it('runs with the other checks: one problem per offending assumption, errors first, long wording shortened', () => {
    const long = 'x'.repeat(200);
    const problems = runTradecraftChecks({
      yardstick: 'icd203',
      judgements: [judgement({ confidence: 'high', evidence: [link('supports', item('s1')), link('supports', item('s2'))] })],
      derivations: [],
      assumptions: [
        assumption({ id: 'a1', status: 'caveated', caveat: 'c' }),
        assumption({ id: 'a2', status: 'unsupported', text: long }),
        assumption({ id: 'a3', status: 'unsupported', text: 'Another' }),
      ],
    });
    // The confidence advice weighs the same register: two independent sources less an unsupported
    // assumption suggest low, so "high" is two levels over it.
    expect(problems.map((p) => p.code).sort()).toEqual(
      ['confidence-above-evidence', 'confident-on-caveated-assumption', 'unsupported-assumption', 'unsupported-assumption'].sort(),
    );
    expect(problems.slice(0, 2).map((p) => p.code)).toEqual(['unsupported-assumption', 'unsupported-assumption']);
    expect(problems[0]?.message).toContain(`“${'x'.repeat(80)}…”`);
    expect(
      runTradecraftChecks({ yardstick: 'icd203', judgements: [judgement({ confidence: 'high' })], derivations: [] }).map((p) => p.code),
    ).not.toContain('unsupported-assumption');
  });
});
