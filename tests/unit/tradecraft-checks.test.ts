import { describe, expect, it } from 'vitest';
import { countSerialized } from '../../src/briefing/word-count';
import { runTradecraftChecks, type TradecraftInput } from '../../src/tradecraft';
import { checkLikelihoodWithConfidence, expressesConfidence } from '../../src/tradecraft/confidence-sentences';
import { checkCitations, checkWordLimits } from '../../src/tradecraft/document';
import { checkEvidence, mentionsContradiction } from '../../src/tradecraft/evidence';
import { item, judgement, link } from './helpers/judgements';

const codes = (problems: readonly { code: string }[]): string[] => problems.map((p) => p.code);

describe('evidence checks', () => {
  it('flags a judgement with no supporting evidence, including support that is only in the trash', () => {
    expect(codes(checkEvidence(judgement(), []))).toEqual(['no-support']);
    const onlyContext = judgement({
      evidence: [link('context', item('s1')), link('contradicts', item('s2'))],
      rationale: 'However, s2 disagrees.',
    });
    expect(codes(checkEvidence(onlyContext, []))).toEqual(['no-support']);
    const [problem] = checkEvidence(judgement({ evidence: [link('supports', item('s1', { state: 'trashed' }))] }), []);
    expect(problem?.message).toContain('in the trash or gone');
    expect(problem?.location).toEqual({ kind: 'judgement', judgementId: 'j1', field: 'evidence' });
  });

  it('counts independent sources through derived-from links, in either direction and through unlisted sources', () => {
    const two = judgement({ evidence: [link('supports', item('speech')), link('supports', item('report'))] });
    expect(codes(checkEvidence(two, []))).toEqual([]);
    expect(codes(checkEvidence(two, [['report', 'speech']]))).toEqual(['single-source']);
    expect(codes(checkEvidence(two, [['speech', 'report']]))).toEqual(['single-source']);
    expect(
      codes(
        checkEvidence(two, [
          ['report', 'wire'],
          ['wire', 'speech'],
        ]),
      ),
    ).toEqual(['single-source']);
    const sameSource = judgement({
      evidence: [link('supports', item('speech')), link('supports', item('speech')), link('supports', item('speech', { kind: 'source' }))],
    });
    expect(checkEvidence(sameSource, [])[0]?.message).toContain('(3 items)');
  });

  it('flags support resting only on sources graded E/F or information graded 5/6', () => {
    const weak = judgement({
      evidence: [
        link('supports', item('s1', { reliability: 'E', credibility: '2' })),
        link('supports', item('s2', { reliability: 'B', credibility: '6' })),
        link('supports', item('s3', { kind: 'source', reliability: 'F' })),
      ],
    });
    const problems = checkEvidence(weak, []);
    expect(codes(problems)).toEqual(['weak-support']);
    expect(problems[0]?.message).toContain('(E2, B6, F)');
    const oneSound = judgement({ evidence: [...weak.evidence, link('supports', item('s4', { reliability: 'B', credibility: '2' }))] });
    expect(codes(checkEvidence(oneSound, []))).toEqual([]);
    const ungraded = judgement({ evidence: [link('supports', item('s1')), link('supports', item('s2'))] });
    expect(codes(checkEvidence(ungraded, []))).toEqual([]);
    // A whole source's credibility is not a thing: only its reliability counts.
    expect(
      codes(
        checkEvidence(
          judgement({ evidence: [link('supports', item('s1', { kind: 'source', credibility: '6' })), link('supports', item('s2'))] }),
          [],
        ),
      ),
    ).toEqual([]);
  });

  it('flags contradicting evidence the rationale does not take up', () => {
    const contrary = item('blog', {
      text: 'NATO has no forces or mandate in North-East Asia at all.',
      sourceTitle: 'Regional policy blog',
    });
    const base = {
      evidence: [
        link('supports', item('s1')),
        link('supports', item('s2')),
        link('contradicts', contrary),
        link('contradicts', item('gone', { state: 'missing' })),
      ],
    };
    const silent = checkEvidence(judgement({ ...base, rationale: 'The speech and the press reports agree.' }), []);
    expect(codes(silent)).toEqual(['unaddressed-contradiction']);
    expect(silent[0]?.location).toMatchObject({ field: 'rationale', evidenceLinkId: base.evidence[2]?.id });
    for (const rationale of [
      'Although one commentary disagrees, the speech is clear.',
      'The speech is clear. HOWEVER, not everyone agrees.',
      'A commentary contradicts this.',
      'On the other hand, critics doubt it.',
      'The regional policy blog sees it otherwise.',
      'Critics write that “NATO has no forces or mandate in North-East Asia”, which misses the point.',
    ]) {
      expect(codes(checkEvidence(judgement({ ...base, rationale }), [])), rationale).toEqual([]);
    }
  });

  it('defines a mention narrowly enough that unrelated words do not count', () => {
    const contrary = item('blog', { text: 'Short', sourceTitle: 'Blog' });
    expect(mentionsContradiction('But the speech is clear.', contrary)).toBe(false);
    expect(mentionsContradiction('Counterpart ministers met; a blogger wrote shortly after.', contrary)).toBe(false);
    expect(mentionsContradiction('The Blog disagrees.', contrary)).toBe(true);
    expect(mentionsContradiction('As the blog put it.', contrary)).toBe(true);
  });
});

describe('likelihood and confidence in one sentence (ICD 203)', () => {
  it.each([
    ['We assess with high confidence that talks are likely.', true],
    ['Talks are likely; we are confident of it.', true],
    ['Confidence in this is low, and talks are unlikely.', true],
    ['Talks are likely. We have high confidence in the sources.', false],
    ['Confidence-building measures are likely.', false],
    ['Confidence-building measures at a high level are likely.', false],
    ['Some confidence-building is likely.', false],
    ['We have moderate confidence.', false],
  ])('%s → %s', (rationale, flagged) => {
    const problems = checkLikelihoodWithConfidence({ id: 'j', statement: 'Talks resume.', rationale });
    expect(problems.length > 0).toBe(flagged);
  });

  it('checks the statement too and points at the sentence', () => {
    const statement = 'Talks will resume. With high confidence, a deal is very likely.';
    const [problem] = checkLikelihoodWithConfidence({ id: 'j', statement, rationale: '' });
    expect(problem?.location).toEqual({
      kind: 'judgement',
      judgementId: 'j',
      field: 'statement',
      span: { start: 18, end: statement.length },
    });
    expect(expressesConfidence('confidently')).toBe(true);
  });
});

describe('document checks', () => {
  const text = (words: number) => ({
    type: 'paragraph',
    children: [{ type: 'text', text: Array.from({ length: words }, () => 'word').join(' ') }],
  });
  const section = (sectionId: string, heading: string, words: number, cap: number | null, role = 'body') => ({
    type: 'section',
    sectionId,
    role,
    cap,
    children: [{ type: 'heading', children: [{ type: 'text', text: heading }] }, text(words)],
  });

  it('flags the product over its limit and each section over its own cap', () => {
    const count = countSerialized({
      type: 'root',
      children: [section('s1', 'Analysis', 90, null), section('s2', 'Key Judgements', 20, 15), section('s3', 'Annex', 500, null, 'annex')],
    } as never);
    const problems = checkWordLimits(count, 100, 'a Briefing');
    expect(codes(problems)).toEqual(['over-word-limit', 'section-over-cap']);
    expect(problems[0]?.message).toBe('The text has 110 words, over the 100-word limit of a Briefing by 10.');
    expect(problems[1]).toMatchObject({
      message: 'The section “Key Judgements” has 20 words, over its cap of 15.',
      location: { kind: 'section', sectionId: 's2' },
    });
    expect(checkWordLimits(count, 110)).toEqual([checkWordLimits(count, 100)[1]]);
    expect(checkWordLimits(count, null).map((p) => p.code)).toEqual(['section-over-cap']);
  });

  it('flags citations of trashed or missing records', () => {
    const problems = checkCitations([
      { key: 'n1', number: 1, target: { kind: 'quote', state: 'live' } },
      { key: 'n2', number: 2, target: { kind: 'quote', state: 'trashed' } },
      { key: 'n3', target: { kind: 'source', state: 'missing' } },
    ]);
    expect(problems.map((p) => [p.code, p.severity, p.message, p.location])).toEqual([
      ['broken-citation', 'error', 'Citation 2: the cited quote is in the trash.', { kind: 'citation', key: 'n2' }],
      ['broken-citation', 'error', 'A citation: the cited source no longer exists.', { kind: 'citation', key: 'n3' }],
    ]);
  });
});

describe('runTradecraftChecks', () => {
  it('runs every family, judgement by judgement with errors first, then the document', () => {
    const input: TradecraftInput = {
      yardstick: 'icd203',
      derivations: [],
      judgements: [
        judgement({
          id: 'a',
          statement: 'Talks may be likely.',
          likelihood: 'unlikely',
          evidence: [link('supports', item('s1')), link('supports', item('s2'))],
        }),
        judgement({
          id: 'b',
          statement: 'Talks resume.',
          likelihood: 'likely',
          rationale: 'We judge with low confidence that it is likely.',
        }),
      ],
      words: { count: { total: 1200, sections: [] }, wordLimit: 1100 },
      citations: [{ key: 'k', target: { kind: 'quote', state: 'missing' } }],
    };
    expect(
      runTradecraftChecks(input).map((p) => `${p.location.kind === 'judgement' ? p.location.judgementId : p.location.kind}:${p.code}`),
    ).toEqual([
      'a:likelihood-mismatch',
      'a:vague-hedge',
      'b:no-support',
      'b:likelihood-with-confidence',
      'document:over-word-limit',
      'citation:broken-citation',
    ]);
  });
});
