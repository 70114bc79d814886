import { addDays } from '../src/analysis/indicators';
import { IndicatorDraftSchema } from '../src/domain/indicator';
import type { SampleKey, SampleWorkspace } from '../src/sample';
import type { Workspace } from './workspace';

/**
 * Writes the sample's indicators through the indicator store, as the analyst would: onto the
 * stored judgements (found by their statements) and the matrix's hypotheses, review days counted
 * from `today`, then the sighting with its evidence. Judgements the build did not write are skipped.
 */
export function writeSampleIndicators(
  workspace: Workspace,
  sample: SampleWorkspace,
  briefingId: string,
  idOf: (key: SampleKey) => string,
  today: string,
): number {
  const judgementIds = new Map(workspace.judgements.list(briefingId).items.map((j) => [j.statement, j.id]));
  const statements = new Map(sample.judgements.map((j) => [j.key, j.statement]));
  const [matrix] = workspace.ach.list(briefingId);
  const hypotheses = matrix ? workspace.ach.get(matrix.id).hypotheses : [];
  let written = 0;
  for (const indicator of sample.indicators ?? []) {
    const ownerId =
      'judgement' in indicator.owner
        ? judgementIds.get(statements.get(indicator.owner.judgement) ?? '')
        : hypotheses[indicator.owner.hypothesis]?.id;
    if (ownerId === undefined) continue;
    const draft = IndicatorDraftSchema.parse({
      direction: indicator.direction,
      text: indicator.text,
      reviewOn: addDays(today, indicator.reviewInDays),
      notes: indicator.notes ?? '',
    });
    const created = workspace.indicators.create({ kind: 'judgement' in indicator.owner ? 'judgement' : 'hypothesis', id: ownerId }, draft);
    if (indicator.seen)
      workspace.indicators.setSighting(created.id, created.version, {
        on: indicator.seen.on,
        evidence: { kind: indicator.seen.kind, id: idOf(indicator.seen.key) },
      });
    written += 1;
  }
  return written;
}
