import { describe, expect, it } from 'vitest';
import type { Assumption } from '../../src/domain/assumption';
import type { Briefing } from '../../src/domain/briefing';
import type { Judgement, JudgementChange } from '../../src/domain/judgement';
import { contractPerTest } from './helpers/contract';

const contract = contractPerTest();

async function failure(name: string, payload: unknown): Promise<{ code: string; message: string; details?: unknown }> {
  const result = await contract.dispatcher.call(name, payload);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

async function briefingWithJudgements(title: string): Promise<{ briefing: Briefing; first: Judgement; second: Judgement }> {
  const briefing = await contract.value<Briefing>('briefings.create', { title, typeId: 'briefing' });
  const first = await contract.value<Judgement>('judgements.create', {
    briefingId: briefing.id,
    draft: { statement: 'First', confidence: 'high' },
  });
  const second = await contract.value<Judgement>('judgements.create', { briefingId: briefing.id, draft: { statement: 'Second' } });
  return { briefing, first, second };
}

describe('the key assumptions contract', () => {
  it('keeps a register per briefing: statuses, caveats, what would show it wrong, and the judgements resting on it', async () => {
    const { briefing, first, second } = await briefingWithJudgements('Visit');
    const created = await contract.value<Assumption>('assumptions.create', {
      briefingId: briefing.id,
      draft: {
        text: 'Public statements show the purpose.',
        rationale: 'Both capitals said the same.',
        status: 'solid',
        wrongIf: ['A leak says otherwise', '  '],
      },
    });
    expect(created).toMatchObject({ status: 'solid', caveat: '', wrongIf: ['A leak says otherwise'], judgementIds: [], version: 1 });

    // A caveated assumption must say its caveat; the form's field is named in the error.
    const missing = await failure('assumptions.update', {
      id: created.id,
      baseVersion: 1,
      draft: { text: 'Public statements show the purpose.', status: 'caveated' },
    });
    expect(missing.code).toBe('invalid_input');
    expect(missing.details).toEqual({ fields: { 'draft.caveat': 'Say what the caveat is.' } });

    const caveated = await contract.value<Assumption>('assumptions.update', {
      id: created.id,
      baseVersion: 1,
      draft: { text: 'Public statements show the purpose.', status: 'caveated', caveat: 'Only for the public part of the visit.' },
    });
    expect(caveated).toMatchObject({ status: 'caveated', caveat: 'Only for the public part of the visit.', version: 2, wrongIf: [] });

    // A stale edit is refused with the stored version, not written over it.
    const stale = await failure('assumptions.update', { id: created.id, baseVersion: 1, draft: { text: 'Overwritten', status: 'solid' } });
    expect(stale.code).toBe('conflict');

    await contract.value('assumptions.link', { assumptionId: created.id, judgementId: second.id });
    const linked = await contract.value<Assumption>('assumptions.link', { assumptionId: created.id, judgementId: first.id });
    expect(linked.judgementIds).toEqual([first.id, second.id]);
    expect(linked.version).toBe(2);
    expect(await contract.value('assumptions.forJudgement', { judgementId: first.id })).toEqual({
      items: [
        {
          id: created.id,
          text: 'Public statements show the purpose.',
          status: 'caveated',
          caveat: 'Only for the public part of the visit.',
        },
      ],
    });

    // A judgement in the trash drops out of the register and comes back with it.
    await contract.value('judgements.delete', { id: second.id, baseVersion: second.version });
    expect((await contract.value<{ items: Assumption[] }>('assumptions.list', { briefingId: briefing.id })).items[0]?.judgementIds).toEqual(
      [first.id],
    );
    await contract.value('trash.restore', { kind: 'judgement', id: second.id });
    expect((await contract.value<{ items: Assumption[] }>('assumptions.list', { briefingId: briefing.id })).items[0]?.judgementIds).toEqual(
      [first.id, second.id],
    );

    const unlinked = await contract.value<Assumption>('assumptions.unlink', { assumptionId: created.id, judgementId: second.id });
    expect(unlinked.judgementIds).toEqual([first.id]);
    // What a judgement rests on is part of its change log: linked, then unlinked.
    const log = await contract.value<{ items: JudgementChange[] }>('judgements.changes', { judgementId: second.id });
    expect(log.items.map((entry) => entry.changes)).toEqual([
      [{ field: 'assumptions', from: 'Public statements show the purpose.', to: null }],
      [{ field: 'assumptions', from: null, to: 'Public statements show the purpose.' }],
    ]);

    expect((await failure('assumptions.delete', { id: created.id, baseVersion: 1 })).code).toBe('conflict');
    await contract.value('assumptions.delete', { id: created.id, baseVersion: 2 });
    expect(await contract.value('assumptions.list', { briefingId: briefing.id })).toEqual({ items: [] });
    expect(await contract.value('assumptions.forJudgement', { judgementId: first.id })).toEqual({ items: [] });
    const firstLog = await contract.value<{ items: JudgementChange[] }>('judgements.changes', { judgementId: first.id });
    expect(firstLog.items[0]?.changes).toEqual([{ field: 'assumptions', from: 'Public statements show the purpose.', to: null }]);
  });

  it('refuses a judgement of another briefing and records that no longer exist', async () => {
    const one = await briefingWithJudgements('One');
    const other = await briefingWithJudgements('Other');
    const assumption = await contract.value<Assumption>('assumptions.create', {
      briefingId: one.briefing.id,
      draft: { text: 'Nothing changes before the election.', status: 'unsupported' },
    });
    const foreign = await failure('assumptions.link', { assumptionId: assumption.id, judgementId: other.first.id });
    expect(foreign).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('another briefing') as string });
    expect((await failure('assumptions.link', { assumptionId: 'gone', judgementId: one.first.id })).code).toBe('not_found');
    expect((await failure('assumptions.create', { briefingId: 'gone', draft: { text: 'x', status: 'solid' } })).code).toBe('not_found');
    expect((await failure('assumptions.create', { briefingId: one.briefing.id, draft: { text: '   ', status: 'solid' } })).details).toEqual(
      {
        fields: { 'draft.text': 'Write the assumption.' },
      },
    );
  });
});
