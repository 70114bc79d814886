import { createHeadlessEditor } from '@lexical/headless';
import { describe, expect, it } from 'vitest';
import { BRIEFING_NODES } from '../../src/editor/nodes';
import { likelihoodTerm } from '../../src/domain/judgement';
import { QuoteDraftSchema } from '../../src/domain/quote';
import { SourceDraftSchema } from '../../src/domain/source';
import { TagPathSchema } from '../../src/domain/tag';
import { layoutArgument } from '../../src/judgement/argument-layout';
import { bodyFacts, citedKeys, SAMPLE_WORKSPACE, sampleBodyState, sampleJudgementRecords } from '../../src/sample';
import { runTradecraftChecks } from '../../src/tradecraft';

const BRIEFING_TYPE = {
  sections: [
    { heading: 'Summary', cap: null },
    { heading: 'Background', cap: null },
    { heading: 'Analysis', cap: null },
    { heading: 'Key Judgements', cap: 150 },
  ],
};
const sample = SAMPLE_WORKSPACE;
const keys = new Map<string, 'quote' | 'source' | 'tag'>([
  ...sample.tags.map((t) => [t.key, 'tag'] as const),
  ...sample.sources.map((s) => [s.key, 'source'] as const),
  ...sample.quotes.map((q) => [q.key, 'quote'] as const),
]);
const resolve = (key: string) => {
  const kind = keys.get(key);
  if (kind !== 'quote' && kind !== 'source') throw new Error(`No quote or source “${key}”.`);
  return { kind, id: `id-${key}` };
};

describe('the sample workspace content', () => {
  it('has unique keys, valid drafts and references that resolve', () => {
    expect(keys.size).toBe(sample.tags.length + sample.sources.length + sample.quotes.length);
    for (const tag of sample.tags) expect(TagPathSchema.parse(tag.path)).toBe(tag.path);
    for (const source of sample.sources) {
      expect(() => SourceDraftSchema.parse(source.draft)).not.toThrow();
      for (const tag of source.tags) expect(keys.get(tag)).toBe('tag');
    }
    for (const quote of sample.quotes) {
      expect(keys.get(quote.sourceKey)).toBe('source');
      expect(() => QuoteDraftSchema.parse({ ...quote.draft, sourceId: 'x' })).not.toThrow();
      for (const tag of quote.tags) expect(keys.get(tag)).toBe('tag');
    }
    for (const d of sample.derivations) expect([keys.get(d.sourceKey), keys.get(d.originKey)]).toEqual(['source', 'source']);
    for (const key of sample.briefing.tags) expect(keys.get(key)).toBe('tag');
    for (const judgement of sample.judgements) {
      expect(likelihoodTerm(sample.briefing.yardstick, judgement.likelihood)).not.toBeNull();
      for (const link of judgement.evidence) expect(keys.get(link.key)).toBe(link.kind);
    }
  });

  it('quotes the four phrases of the Tokyo speech verbatim and marks the rest as paraphrase', () => {
    const speech = sample.quotes.filter((q) => q.sourceKey === 'src-speech');
    expect(speech.map((q) => q.draft.text)).toEqual([
      'abandon its nuclear program once and for all',
      'strongly supports a peaceful, negotiated solution',
      'pressure is key',
      'natural partner',
    ]);
    expect(speech.every((q) => q.draft.verbatim === true && q.draft.dateSaid === '2017-10-31')).toBe(true);
    expect(sample.quotes.filter((q) => q.sourceKey !== 'src-speech').every((q) => q.draft.verbatim === false)).toBe(true);
  });

  it('has a body the editor can load, within the Briefing’s limits, citing every quote', () => {
    const state = sampleBodyState(sample.briefing, BRIEFING_TYPE, resolve);
    const editor = createHeadlessEditor({
      nodes: [...BRIEFING_NODES],
      onError: (error) => {
        throw error;
      },
    });
    editor.setEditorState(editor.parseEditorState(state));
    expect(JSON.parse(JSON.stringify(editor.getEditorState().toJSON()))).toEqual(JSON.parse(state));
    const { count, text } = bodyFacts(state);
    expect(count.total).toBeGreaterThan(600);
    expect(count.total).toBeLessThanOrEqual(1100);
    expect(count.sections.map((s) => [s.sectionId, s.heading, s.cap])).toEqual([
      ['s1', 'Summary', null],
      ['s2', 'Background', null],
      ['s3', 'Analysis', null],
      ['s4', 'Key Judgements', 150],
    ]);
    expect(text).toContain('“pressure is key”');
    expect(new Set(citedKeys(sample.briefing))).toEqual(new Set([...sample.quotes.map((q) => q.key), 'src-speech', 'src-release']));
  });

  it('has three to five judgements, one contradicting item addressed and one judgement the checks flag', () => {
    expect(sample.judgements.length).toBeGreaterThanOrEqual(3);
    expect(sample.judgements.length).toBeLessThanOrEqual(5);
    expect(sample.judgements.some((j) => j.evidence.some((e) => e.stance === 'contradicts'))).toBe(true);
    const judgements = sampleJudgementRecords(sample);
    const derivations = sample.derivations.map((d) => [d.sourceKey, d.originKey] as const);
    const problems = runTradecraftChecks({ yardstick: sample.briefing.yardstick, judgements, derivations });
    expect(problems.map((p) => [p.location.kind === 'judgement' ? p.location.judgementId : '', p.code])).toEqual([
      ['kj-global', 'single-source'],
    ]);
    // Without the derived-from links the same judgement looks corroborated: the links are what the check reads.
    expect(runTradecraftChecks({ yardstick: 'icd203', judgements, derivations: [] })).toEqual([]);
    expect(judgements.find((j) => j.id === 'kj-global')?.counts.supports).toEqual({ quotes: 1, sources: 3, independentSources: 1 });
    const layout = layoutArgument({ judgements, problems, yardstick: 'icd203', derivations });
    expect(layout.judgements.map((j) => j.thin)).toEqual([false, false, false, true]);
  });
});
