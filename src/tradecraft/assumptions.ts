import type { Assumption } from '../domain/assumption';
import type { Judgement } from '../domain/judgement';
import { quoted, type TradecraftProblem } from './problem';

/** The parts of an assumption the checks read (a full `Assumption` will do). */
export type CheckedAssumption = Pick<Assumption, 'id' | 'text' | 'status' | 'caveat' | 'judgementIds'>;

function short(text: string): string {
  return quoted(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/**
 * Key Assumptions Check: a judgement resting on an assumption nobody can support is an error (the
 * judgement is only as good as it); high confidence resting on a caveated one is a warning, since
 * the caveat caps how sure anyone can be. Each offending assumption is one problem.
 */
export function checkAssumptions(
  judgement: Pick<Judgement, 'id' | 'confidence'>,
  assumptions: readonly CheckedAssumption[],
): TradecraftProblem[] {
  const problems: TradecraftProblem[] = [];
  for (const assumption of assumptions) {
    if (!assumption.judgementIds.includes(judgement.id)) continue;
    if (assumption.status === 'unsupported')
      problems.push({
        code: 'unsupported-assumption',
        severity: 'error',
        message: `Rests on the unsupported assumption ${short(assumption.text)}: support it, caveat it, or say the judgement no longer rests on it.`,
        location: { kind: 'judgement', judgementId: judgement.id, field: 'evidence' },
      });
    else if (assumption.status === 'caveated' && judgement.confidence === 'high')
      problems.push({
        code: 'confident-on-caveated-assumption',
        severity: 'warning',
        message: `High confidence, yet it rests on the caveated assumption ${short(assumption.text)} (${assumption.caveat}): lower the confidence or say why the caveat does not matter.`,
        location: { kind: 'judgement', judgementId: judgement.id, field: 'evidence' },
      });
  }
  return problems;
}
