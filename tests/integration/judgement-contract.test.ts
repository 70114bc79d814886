import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackLinks } from '../../src/domain/back-links';
import type { Briefing } from '../../src/domain/briefing';
import type { EvidenceLink, Judgement, JudgementChange } from '../../src/domain/judgement';
import type { Quote } from '../../src/domain/quote';
import type { Source } from '../../src/domain/source';
import { contractPerTest } from './helpers/contract';

const contract = contractPerTest();

function commits(): number {
  const observer = new Database(contract.path, { readonly: true });
  try {
    return Number(
      observer
        .prepare(
          'SELECT (SELECT count(*) FROM judgements) + (SELECT count(*) FROM evidence_links) + (SELECT count(*) FROM judgement_changes)',
        )
        .pluck()
        .get(),
    );
  } finally {
    observer.close();
  }
}

async function setup(): Promise<{ briefing: Briefing; judgement: Judgement; quote: Quote; source: Source }> {
  await contract.value('settings.update', { analystName: 'A. Analyst' });
  const briefing = await contract.value<Briefing>('briefings.create', { title: 'Tokyo and Seoul', typeId: 'briefing' });
  const judgement = await contract.value<Judgement>('judgements.create', {
    briefingId: briefing.id,
    draft: { statement: 'NATO will deepen ties with Japan.', likelihood: 'likely' },
  });
  const source = await contract.value<Source>('sources.create', {
    draft: { title: 'Speech at the National Press Club', reliability: 'B' },
  });
  const quote = await contract.value<Quote>('quotes.create', {
    draft: { sourceId: source.id, text: 'Japan is a natural partner.', credibility: '2' },
  });
  return { briefing, judgement, quote, source };
}

describe('the judgement contract', () => {
  it('creates, links, logs and reports back-links through the dispatcher', async () => {
    const { briefing, judgement, quote, source } = await setup();
    const link = await contract.value<EvidenceLink>('judgements.link', {
      judgementId: judgement.id,
      item: { kind: 'quote', id: quote.id },
      link: { stance: 'supports', note: ' Direct. ' },
    });
    expect(link).toMatchObject({ stance: 'supports', note: 'Direct.', item: { state: 'live', reliability: 'B', credibility: '2' } });
    await contract.value('judgements.update', {
      id: judgement.id,
      draft: { statement: 'NATO will deepen ties with Japan.', likelihood: 'very-likely', confidence: 'moderate', rationale: '' },
      baseVersion: judgement.version,
    });
    const log = await contract.value<{ items: JudgementChange[] }>('judgements.changes', { judgementId: judgement.id });
    expect(log.items.map((entry) => [entry.analyst, entry.changes.map((change) => change.field)])).toEqual([
      ['A. Analyst', ['likelihood', 'confidence']],
    ]);
    const listed = await contract.value<{ items: Judgement[] }>('judgements.list', { briefingId: briefing.id });
    expect(listed.items[0]?.counts.supports).toEqual({ quotes: 1, sources: 0, independentSources: 1 });
    const used = await contract.value<BackLinks>('judgements.usedIn', { kind: 'source', id: source.id });
    expect(used.judgements).toEqual([expect.objectContaining({ judgementId: judgement.id, viaQuoteId: quote.id, stance: 'supports' })]);
    await contract.value('briefings.snapshot', { briefingId: briefing.id, name: 'First' });
    const revisions = await contract.value<{ items: { id: string }[] }>('briefings.revisions', { briefingId: briefing.id });
    const kept = await contract.value<{ captured: boolean; items: unknown[] }>('judgements.ofRevision', {
      revisionId: revisions.items[0]?.id,
    });
    expect(kept).toMatchObject({ captured: true, items: [expect.objectContaining({ id: judgement.id })] });
  });

  it('answers a link, a stance change and an unlink with the judgement’s new counts and strands, so the UI reads nothing again', async () => {
    const { briefing, judgement, quote, source } = await setup();
    const story = await contract.value<Source>('sources.create', { draft: { title: 'Wire story on the speech' } });
    await contract.value('sources.link', { sourceId: story.id, originId: source.id });
    type Answer = EvidenceLink & { judgement: Judgement; derivations: [string, string][] };
    await contract.value<Answer>('judgements.link', {
      judgementId: judgement.id,
      item: { kind: 'source', id: story.id },
      link: { stance: 'supports', note: '' },
    });
    const linked = await contract.value<Answer>('judgements.link', {
      judgementId: judgement.id,
      item: { kind: 'quote', id: quote.id },
      link: { stance: 'supports', note: '' },
    });
    expect(linked.judgement.counts.supports).toEqual({ quotes: 1, sources: 1, independentSources: 1 });
    expect(linked.derivations).toEqual([[story.id, source.id]]);
    const listed = await contract.value<{ items: Judgement[]; derivations: unknown }>('judgements.list', { briefingId: briefing.id });
    expect(linked.judgement).toEqual(listed.items[0]);
    expect(linked.derivations).toEqual(listed.derivations);

    const moved = await contract.value<Answer>('judgements.updateLink', { id: linked.id, link: { stance: 'contradicts', note: '' } });
    expect(moved.judgement.counts.contradicts.quotes).toBe(1);
    const unlinked = await contract.value<{ unlinked: true; judgement: Judgement; derivations: unknown }>('judgements.unlink', {
      id: linked.id,
    });
    expect(unlinked.judgement.counts.contradicts.quotes).toBe(0);
    expect(unlinked.judgement.evidence.map((link) => link.item.id)).toEqual([story.id]);
    expect(unlinked.judgement.version).toBe((await contract.value<Judgement>('judgements.get', { id: judgement.id })).version);
  });

  it('rejects bad input with a typed field error and writes nothing', async () => {
    const { briefing, judgement, quote } = await setup();
    const before = commits();
    const bad: [string, unknown, string][] = [
      [
        'judgements.update',
        {
          id: judgement.id,
          draft: { statement: 'x', likelihood: 'highly-likely', confidence: null, rationale: '' },
          baseVersion: judgement.version,
        },
        'draft.likelihood',
      ],
      [
        'judgements.update',
        {
          id: judgement.id,
          draft: { statement: 'x'.repeat(2001), likelihood: null, confidence: null, rationale: '' },
          baseVersion: judgement.version,
        },
        'draft.statement',
      ],
      [
        'judgements.update',
        {
          id: judgement.id,
          draft: { statement: 'x', likelihood: null, confidence: 'certain', rationale: '' },
          baseVersion: judgement.version,
        },
        'draft.confidence',
      ],
      [
        'judgements.link',
        { judgementId: judgement.id, item: { kind: 'quote', id: quote.id }, link: { stance: 'agrees', note: '' } },
        'link.stance',
      ],
      ['judgements.create', { briefingId: briefing.id, draft: { likelihood: 'remote-chance' } }, 'draft.likelihood'],
      ['judgements.reorder', { briefingId: briefing.id, ids: [], baseOrder: [judgement.id] }, 'ids'],
    ];
    for (const [name, payload, field] of bad) {
      const result = await contract.call(name, payload);
      expect(result.ok, name).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(Object.keys(result.error.details?.fields ?? {})).toContain(field);
      }
    }
    const missing = await contract.call('judgements.link', {
      judgementId: 'nope',
      item: { kind: 'quote', id: quote.id },
      link: { stance: 'supports' },
    });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    expect(commits()).toBe(before);
    expect((await contract.value<Judgement>('judgements.get', { id: judgement.id })).likelihood).toBe('likely');
  });
});
