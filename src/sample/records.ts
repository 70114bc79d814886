import type { EvidenceItem, Judgement, StanceCount } from '../domain/judgement';
import { sourceOf } from '../tradecraft/evidence';
import { countIndependent } from '../judgement/independence';
import type { SampleKey, SampleWorkspace } from './types';

const SAMPLE_TIME = '2017-11-03T09:00:00.000Z';

/**
 * The sample's key judgements as the records the judgement store would return, with the
 * sample keys standing in for ids unless `idOf` maps them. Lets the checks, the argument
 * picture and their tests run on the sample without a workspace.
 */
export function sampleJudgementRecords(
  sample: SampleWorkspace,
  briefingId = 'sample-briefing',
  idOf: (key: SampleKey) => string = (key) => key,
): Judgement[] {
  const derivations = sample.derivations.map((d) => [idOf(d.sourceKey), idOf(d.originKey)] as const);
  const itemFor = (kind: 'quote' | 'source', key: SampleKey): EvidenceItem => {
    if (kind === 'source') {
      const source = sample.sources.find((s) => s.key === key);
      if (!source) throw new Error(`The sample has no source “${key}”.`);
      return {
        kind,
        id: idOf(key),
        state: 'live',
        text: source.draft.title ?? '',
        sourceId: idOf(key),
        sourceTitle: source.draft.title ?? '',
        reliability: source.draft.reliability ?? null,
        credibility: null,
      };
    }
    const quote = sample.quotes.find((q) => q.key === key);
    const source = sample.sources.find((s) => s.key === quote?.sourceKey);
    if (!quote || !source) throw new Error(`The sample has no quote “${key}”.`);
    return {
      kind,
      id: idOf(key),
      state: 'live',
      text: quote.draft.text ?? '',
      sourceId: idOf(source.key),
      sourceTitle: source.draft.title ?? '',
      reliability: source.draft.reliability ?? null,
      credibility: quote.draft.credibility ?? null,
    };
  };
  return sample.judgements.map((judgement, position) => {
    const id = idOf(judgement.key);
    const evidence = judgement.evidence.map((link, index) => ({
      id: `${id}-evidence-${index + 1}`,
      judgementId: id,
      stance: link.stance,
      note: link.note,
      item: itemFor(link.kind, link.key),
      createdAt: SAMPLE_TIME,
    }));
    const count = (stance: 'supports' | 'contradicts' | 'context'): StanceCount => {
      const items = evidence.filter((link) => link.stance === stance).map((link) => link.item);
      const sources = items.map(sourceOf).filter((sourceId): sourceId is string => sourceId !== null);
      return {
        quotes: items.filter((item) => item.kind === 'quote').length,
        sources: new Set(sources).size,
        independentSources: countIndependent(sources, derivations),
      };
    };
    return {
      id,
      briefingId,
      position,
      statement: judgement.statement,
      likelihood: judgement.likelihood,
      confidence: judgement.confidence,
      rationale: judgement.rationale,
      evidence,
      counts: { supports: count('supports'), contradicts: count('contradicts'), context: count('context') },
      matrixCitation: null,
      version: 0,
      createdAt: SAMPLE_TIME,
      updatedAt: SAMPLE_TIME,
    };
  });
}
