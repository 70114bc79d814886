import { describe, expect, it } from 'vitest';
import type { AchMatrixRecord } from '../../src/domain/ach';
import type { Briefing } from '../../src/domain/briefing';
import type { Judgement } from '../../src/domain/judgement';
import { contractPerTest } from './helpers/contract';

const contract = contractPerTest();

async function setup(): Promise<{ briefing: Briefing; judgement: Judgement; matrix: AchMatrixRecord }> {
  const briefing = await contract.value<Briefing>('briefings.create', { title: 'Tokyo and Seoul', typeId: 'briefing' });
  const judgement = await contract.value<Judgement>('judgements.create', {
    briefingId: briefing.id,
    draft: { statement: 'It was about pressure.' },
  });
  const matrix = await contract.value<AchMatrixRecord>('ach.create', {
    title: 'Why the visit',
    briefingId: briefing.id,
    hypotheses: ['Pressure', 'Solidarity'],
  });
  return { briefing, judgement, matrix };
}

type Cited = { judgement: Judgement };

async function refused(payload: unknown): Promise<string> {
  const result = await contract.call('judgements.citeMatrix', payload);
  if (result.ok) throw new Error('the citation was accepted');
  return result.error.code;
}

describe('a key judgement citing an ACH matrix', () => {
  it('cites a matrix and hypothesis, is refused from a stale version, and drops the citation with the hypothesis', async () => {
    const { judgement, matrix } = await setup();
    const [pressure, solidarity] = matrix.hypotheses;
    if (!pressure || !solidarity) throw new Error('no hypotheses');
    const { judgement: cited } = await contract.value<Cited>('judgements.citeMatrix', {
      judgementId: judgement.id,
      citation: { matrixId: matrix.id, hypothesisId: solidarity.id },
      baseVersion: 0,
    });
    expect(cited.matrixCitation).toEqual({
      matrixId: matrix.id,
      hypothesisId: solidarity.id,
      matrixTitle: 'Why the visit',
      hypothesisText: 'Solidarity',
      version: 1,
    });
    // The judgement's own version is untouched, so its form's next save is no conflict.
    expect(cited.version).toBe(judgement.version);
    // Another tab that saw no citation is refused, and nothing changes.
    expect(await refused({ judgementId: judgement.id, citation: { matrixId: matrix.id, hypothesisId: pressure.id }, baseVersion: 0 })).toBe(
      'conflict',
    );
    // A hypothesis of another matrix is refused.
    const other = await contract.value<AchMatrixRecord>('ach.create', { title: 'Other', hypotheses: ['A', 'B'] });
    expect(
      await refused({
        judgementId: judgement.id,
        citation: { matrixId: matrix.id, hypothesisId: other.hypotheses[0]?.id },
        baseVersion: 1,
      }),
    ).toBe('invalid_input');
    expect((await contract.value<Judgement>('judgements.get', { id: judgement.id })).matrixCitation?.hypothesisId).toBe(solidarity.id);

    await contract.value('ach.removeHypothesis', { id: solidarity.id });
    expect((await contract.value<Judgement>('judgements.get', { id: judgement.id })).matrixCitation).toBeNull();
  });

  it('restores a revision’s citation as evidence links restore, skipping a matrix deleted since', async () => {
    const { briefing, judgement, matrix } = await setup();
    const [pressure, solidarity] = matrix.hypotheses;
    if (!pressure || !solidarity) throw new Error('no hypotheses');
    await contract.value('judgements.citeMatrix', {
      judgementId: judgement.id,
      citation: { matrixId: matrix.id, hypothesisId: pressure.id },
      baseVersion: 0,
    });
    const revision = await contract.value<{ id: string }>('briefings.snapshot', { briefingId: briefing.id, name: 'Cites pressure' });
    await contract.value('judgements.citeMatrix', {
      judgementId: judgement.id,
      citation: { matrixId: matrix.id, hypothesisId: solidarity.id },
      baseVersion: 1,
    });
    const body = await contract.value<Briefing>('briefings.get', { id: briefing.id });
    await contract.value('briefings.restoreRevision', { id: revision.id, baseVersion: body.version });
    const restored = await contract.value<Judgement>('judgements.get', { id: judgement.id });
    expect(restored.matrixCitation).toMatchObject({ hypothesisId: pressure.id, version: 3 });

    const again = await contract.value<Briefing>('briefings.get', { id: briefing.id });
    await contract.value('ach.delete', { id: matrix.id });
    await contract.value('briefings.restoreRevision', { id: revision.id, baseVersion: again.version });
    expect((await contract.value<Judgement>('judgements.get', { id: judgement.id })).matrixCitation).toBeNull();
  });
});
