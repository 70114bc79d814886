import { describe, expect, it } from 'vitest';
import type { AchMatrixRecord } from '../../src/domain/ach';
import type { Briefing } from '../../src/domain/briefing';
import type { Indicator } from '../../src/domain/indicator';
import type { Judgement } from '../../src/domain/judgement';
import type { Quote } from '../../src/domain/quote';
import type { Source } from '../../src/domain/source';
import { contractPerTest } from './helpers/contract';

const contract = contractPerTest();

async function failure(
  name: string,
  payload: unknown,
): Promise<{ code: string; message: string; details?: { fields?: Record<string, string> } }> {
  const result = await contract.dispatcher.call(name, payload);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

async function due(status: 'all' | 'seen' | 'not_seen' = 'all'): Promise<Indicator[]> {
  return (await contract.value<{ items: Indicator[] }>('indicators.due', { status })).items;
}

describe('the indicators contract', () => {
  it('adds indicators to a judgement and a hypothesis, marks one seen with a quote, and lists them by review date', async () => {
    const briefing = await contract.value<Briefing>('briefings.create', { title: 'Tokyo visit', typeId: 'briefing' });
    const judgement = await contract.value<Judgement>('judgements.create', {
      briefingId: briefing.id,
      draft: { statement: 'NATO will deepen ties with Japan.' },
    });
    const matrix = await contract.value<AchMatrixRecord>('ach.create', { title: 'Why Tokyo', hypotheses: ['Pressure', 'Routine'] });
    const hypothesis = matrix.hypotheses[1];
    if (!hypothesis) throw new Error('no hypothesis');

    const forJudgement = await contract.value<Indicator>('indicators.create', {
      owner: { kind: 'judgement', id: judgement.id },
      draft: { text: 'A new partnership programme is signed', reviewOn: '2018-03-01' },
    });
    expect(forJudgement).toMatchObject({
      direction: 'if_true',
      seenOn: null,
      evidence: null,
      version: 1,
      owner: { kind: 'judgement', subject: 'NATO will deepen ties with Japan.', containerId: briefing.id, containerTitle: 'Tokyo visit' },
    });
    const forHypothesis = await contract.value<Indicator>('indicators.create', {
      owner: { kind: 'hypothesis', id: hypothesis.id },
      draft: {
        direction: 'if_false',
        text: 'A summit is called at short notice',
        reviewOn: '2017-12-15',
        notes: 'Watch the press office.',
      },
    });
    expect(forHypothesis.owner).toMatchObject({
      kind: 'hypothesis',
      subject: 'Routine',
      containerId: matrix.id,
      containerTitle: 'Why Tokyo',
    });
    expect((await due()).map((i) => i.text)).toEqual(['A summit is called at short notice', 'A new partnership programme is signed']);

    const source = await contract.value<Source>('sources.create', { draft: { title: 'Joint statement', reliability: 'B' } });
    const quote = await contract.value<Quote>('quotes.create', { draft: { sourceId: source.id, text: 'We signed a programme.' } });
    const seen = await contract.value<Indicator>('indicators.setSighting', {
      id: forJudgement.id,
      version: 1,
      sighting: { on: '2018-02-10', evidence: { kind: 'quote', id: quote.id } },
    });
    expect(seen).toMatchObject({
      seenOn: '2018-02-10',
      version: 2,
      evidence: { kind: 'quote', id: quote.id, text: 'We signed a programme.', sourceTitle: 'Joint statement', state: 'live' },
    });
    expect((await due('seen')).map((i) => i.id)).toEqual([forJudgement.id]);
    expect((await due('not_seen')).map((i) => i.id)).toEqual([forHypothesis.id]);
    const ofMatrix = await contract.value<{ items: Indicator[] }>('indicators.list', { of: { kind: 'matrix', id: matrix.id } });
    expect(ofMatrix.items.map((i) => i.id)).toEqual([forHypothesis.id]);

    // The quote in the trash shows as such; the indicator keeps its sighting.
    await contract.value('quotes.delete', { id: quote.id });
    const ofJudgement = await contract.value<{ items: Indicator[] }>('indicators.list', { of: { kind: 'judgement', id: judgement.id } });
    expect(ofJudgement.items[0]?.evidence?.state).toBe('trashed');

    const cleared = await contract.value<Indicator>('indicators.setSighting', { id: forJudgement.id, version: 2, sighting: null });
    expect(cleared).toMatchObject({ seenOn: null, evidence: null, version: 3 });
  });

  it('refuses a stale edit with a typed conflict, and bad input with a clear message, saving nothing', async () => {
    const briefing = await contract.value<Briefing>('briefings.create', { title: 'B', typeId: 'briefing' });
    const judgement = await contract.value<Judgement>('judgements.create', { briefingId: briefing.id, draft: { statement: 'S' } });
    const indicator = await contract.value<Indicator>('indicators.create', {
      owner: { kind: 'judgement', id: judgement.id },
      draft: { text: 'Troops move', reviewOn: '2018-01-01' },
    });
    await contract.value('indicators.update', {
      id: indicator.id,
      version: 1,
      edit: { text: 'Troops move north', reviewOn: '2018-01-02' },
    });
    const stale = await failure('indicators.update', { id: indicator.id, version: 1, edit: { text: 'Mine', reviewOn: '2018-01-03' } });
    expect(stale.code).toBe('conflict');
    const badDay = await failure('indicators.create', {
      owner: { kind: 'judgement', id: judgement.id },
      draft: { text: 'X', reviewOn: '2018-02-30' },
    });
    expect(badDay).toMatchObject({ code: 'invalid_input' });
    expect(Object.values(badDay.details?.fields ?? {})).toEqual(['Use a real date written YYYY-MM-DD.']);
    const noEvidence = await failure('indicators.setSighting', {
      id: indicator.id,
      version: 2,
      sighting: { on: '2018-01-05', evidence: { kind: 'quote', id: 'no-such-quote' } },
    });
    expect(noEvidence.code).toBe('not_found');
    expect((await due()).map((i) => [i.text, i.reviewOn, i.version, i.seenOn])).toEqual([['Troops move north', '2018-01-02', 2, null]]);
  });

  it('hides a trashed judgement’s indicators until it is restored, and deletes with the hypothesis', async () => {
    const briefing = await contract.value<Briefing>('briefings.create', { title: 'B', typeId: 'briefing' });
    const judgement = await contract.value<Judgement>('judgements.create', { briefingId: briefing.id, draft: { statement: 'S' } });
    await contract.value('indicators.create', {
      owner: { kind: 'judgement', id: judgement.id },
      draft: { text: 'J', reviewOn: '2018-01-01' },
    });
    const matrix = await contract.value<AchMatrixRecord>('ach.create', { title: 'M', hypotheses: ['H1', 'H2'] });
    const h1 = matrix.hypotheses[0];
    if (!h1) throw new Error('no hypothesis');
    const onHypothesis = await contract.value<Indicator>('indicators.create', {
      owner: { kind: 'hypothesis', id: h1.id },
      draft: { text: 'H', reviewOn: '2018-01-01' },
    });

    await contract.value('judgements.delete', { id: judgement.id, baseVersion: judgement.version });
    expect((await due()).map((i) => i.text)).toEqual(['H']);
    await contract.value('trash.restore', { kind: 'judgement', id: judgement.id });
    expect((await due()).map((i) => i.text)).toEqual(['J', 'H']);

    await contract.value('ach.removeHypothesis', { id: h1.id });
    expect((await due()).map((i) => i.text)).toEqual(['J']);
    expect((await failure('indicators.delete', { id: onHypothesis.id })).code).toBe('not_found');
  });
});
