import { AssumptionDraftSchema } from '../src/domain/assumption';
import type { SampleWorkspace } from '../src/sample';
import type { Workspace } from './workspace';

/**
 * The sample's key assumptions, written through the register as the analyst would, and linked to
 * the judgements resting on them (found by their statements, which the sample fixes). Without
 * judgements in the workspace, the assumptions are written unlinked.
 */
export function writeSampleAssumptions(workspace: Workspace, sample: SampleWorkspace, briefingId: string): void {
  const stored = workspace.judgements.list(briefingId).items;
  const judgementId = new Map(
    sample.judgements.flatMap((judgement) => {
      const match = stored.find((candidate) => candidate.statement === judgement.statement);
      return match ? [[judgement.key, match.id] as const] : [];
    }),
  );
  for (const assumption of sample.assumptions ?? []) {
    const created = workspace.assumptions.create(briefingId, AssumptionDraftSchema.parse(assumption));
    for (const key of assumption.judgements) {
      const id = judgementId.get(key);
      if (id !== undefined) workspace.assumptions.link(created.id, id);
    }
  }
}
