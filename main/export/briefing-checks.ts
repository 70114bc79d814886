import type { Workspace } from '../../db/workspace';
import type { ExportProblem } from '../../src/export/model';
import { strandsTouching } from '../../src/judgement/independence';
import { runTradecraftChecks } from '../../src/tradecraft';
import type { LoadJudgements, LoadProblems } from './build-model';
import { matrixStandingsOf } from './matrix-standings';

/** A briefing's key judgements from the judgement store, for the export model. */
export function judgementsFrom(ws: () => Workspace): LoadJudgements {
  return (briefingId) => ws().judgements.list(briefingId).items;
}

/**
 * The tradecraft checks of the export's judgements, shown in the export dialog and printed by
 * the CLI as warnings. Word limits and citations are the export's own checks already.
 */
export function tradecraftFrom(ws: () => Workspace): LoadProblems {
  return (model) => {
    const sources = model.judgements.flatMap((judgement) =>
      judgement.evidence.map((link) => link.item.sourceId).filter((id): id is string => id !== null),
    );
    const derivations = strandsTouching(sources, ws().evidence.derivations());
    const numbers = new Map(model.judgements.map((judgement, index) => [judgement.id, index + 1]));
    const analysis = { matrices: matrixStandingsOf(ws(), model.judgements) };
    const assumptions = ws().assumptions.list(model.briefing.id);
    return runTradecraftChecks({
      yardstick: model.briefing.yardstick,
      judgements: model.judgements,
      derivations,
      analysis,
      assumptions,
    }).map((problem): ExportProblem => {
      const number = problem.location.kind === 'judgement' ? numbers.get(problem.location.judgementId) : undefined;
      return { code: problem.code, message: number === undefined ? problem.message : `Key judgement ${number}: ${problem.message}` };
    });
  };
}
