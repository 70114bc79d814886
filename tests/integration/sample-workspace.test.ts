import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSampleJudgements } from '../../db/sample-judgements';
import { matrixStandingsOf } from '../../main/export/matrix-standings';
import { buildSampleWorkspace, type WriteJudgements } from '../../db/sample-workspace';
import { Workspace } from '../../db/workspace';
import { analyseMatrix } from '../../src/analysis/ach';
import { countSerialized, type SerializedCountNode } from '../../src/briefing/word-count';
import { WarrantError } from '../../src/contract/errors';
import type { CitationRef } from '../../src/domain/briefing';
import { SAMPLE_WORKSPACE, sampleJudgementRecords } from '../../src/sample';
import { runTradecraftChecks } from '../../src/tradecraft';
import { TempDirs } from './helpers/temp-workspace';

const CLI = fileURLToPath(new URL('../../bin/warrant.mjs', import.meta.url));
const temp = new TempDirs();
afterEach(() => temp.cleanup());

function citationsIn(node: { type: string; targetKind?: 'quote' | 'source'; targetId?: string; children?: unknown[] }): CitationRef[] {
  if (node.type === 'citation' && node.targetKind && node.targetId) return [{ kind: node.targetKind, id: node.targetId }];
  return (node.children ?? []).flatMap((child) => citationsIn(child as typeof node));
}

describe('the sample workspace builder', () => {
  it('writes the sources, quotes, tags, derivations and briefing through the repositories, and hands the judgements over', () => {
    const path = join(temp.make(), 'sample.warrant');
    const seen: { briefingId: string; count: number; resolved: string[] }[] = [];
    const writeJudgements: WriteJudgements = (briefingId, judgements, idsByKey, workspace) => {
      // Every evidence key maps to a live record of the right kind in the open workspace.
      const resolved = judgements.flatMap((j) =>
        j.evidence.map((e) =>
          e.kind === 'quote'
            ? workspace.quotes.get(idsByKey.get(e.key) ?? '').text
            : workspace.sources.get(idsByKey.get(e.key) ?? '').title,
        ),
      );
      seen.push({ briefingId, count: judgements.length, resolved });
      return judgements.length;
    };
    const build = buildSampleWorkspace(path, { writeJudgements });
    expect(build.counts).toEqual({ tags: 9, sources: 8, quotes: 10, derivations: 2, judgements: 4 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.briefingId).toBe(build.briefingId);
    expect(seen[0]?.resolved).toContain('pressure is key');
    expect(seen[0]?.resolved).toHaveLength(15);

    const ws = Workspace.open(path);
    try {
      const id = (key: string): string => build.idsByKey.get(key) ?? '';
      const sources = ws.sources.list({ sort: 'title', direction: 'asc', limit: 100, offset: 0 });
      expect(sources.total).toBe(8);
      const speech = ws.sources.get(id('src-speech'));
      expect(speech).toMatchObject({
        kind: 'speech',
        author: 'Jens Stoltenberg',
        publisher: 'NATO',
        publishedDate: '2017-10-31',
        reliability: 'A',
      });
      expect(speech.tags.map((t) => t.path)).toEqual(['Actor/Japan', 'Actor/NATO', 'Actor/North Korea', 'Region/Asia-Pacific']);
      expect(ws.sources.get(id('src-post'))).toMatchObject({ kind: 'social_media_post', reliability: 'E' });

      const quotes = ws.quotes.list({ limit: 100, offset: 0 });
      expect(quotes.total).toBe(10);
      const fromSpeech = ws.quotes.list({ sourceId: id('src-speech'), limit: 100, offset: 0 }).items;
      expect(fromSpeech.map((q) => q.text).sort()).toEqual([
        'abandon its nuclear program once and for all',
        'natural partner',
        'pressure is key',
        'strongly supports a peaceful, negotiated solution',
      ]);
      expect(
        fromSpeech.every((q) => q.verbatim && q.credibility === '2' && q.speaker === 'Jens Stoltenberg' && q.sourceReliability === 'A'),
      ).toBe(true);
      expect(ws.quotes.get(id('q-post-troops'))).toMatchObject({ credibility: '5', verbatim: false, sourceReliability: 'E' });

      // Every source says where it was read and when; the speech carries its capture, hashed,
      // and the four phrases quoted from it are cut from that capture and verified against it.
      expect(sources.items.every((s) => s.url?.startsWith('https://sample.warrant.example/') && s.accessedDate === '2017-11-03')).toBe(
        true,
      );
      const capture = ws.snapshots.info(id('src-speech'));
      expect(capture).toMatchObject({ mediaType: 'text/html', fileName: 'speech-national-press-club-tokyo.html', encoding: 'utf-8' });
      const captured = ws.snapshots.content(id('src-speech')).bytes;
      expect(capture.sha256).toBe(createHash('sha256').update(captured).digest('hex'));
      const captureText = ws.snapshots.text(id('src-speech')).text;
      expect(captureText).toContain('Sample capture written for the Warrant sample workspace');
      expect(captureText).not.toContain('font-family');
      expect(fromSpeech.map((q) => q.integrity)).toEqual(['verified', 'verified', 'verified', 'verified']);
      expect(ws.quotes.get(id('q-wire-sanctions')).integrity).toBe('unanchored');
      expect(ws.quotes.get(id('q-partner')).tags.map((t) => t.path)).toEqual(['Actor/Japan', 'Topic/Partnerships']);

      expect(ws.derivations.linksOf(id('src-wire')).derivedFrom.map((s) => s.id)).toEqual([id('src-speech')]);
      expect(ws.derivations.linksOf(id('src-wire')).reportedBy.map((s) => s.id)).toEqual([id('src-broadcast')]);
      expect(ws.derivations.linksOf(id('src-daily'))).toEqual({ derivedFrom: [], reportedBy: [] });

      const tags = ws.tags.list();
      expect(tags.map((t) => t.path)).toEqual(
        SAMPLE_WORKSPACE.tags.map((t) => t.path).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
      );
      expect(tags.find((t) => t.path === 'Actor/NATO')).toMatchObject({ sourceCount: 7, quoteCount: 2 });

      const [summary] = ws.briefings.list({ sort: 'updated', direction: 'desc', text: '' });
      expect(summary?.id).toBe(build.briefingId);
      const briefing = ws.briefings.get(build.briefingId);
      expect(briefing).toMatchObject({
        title: 'NATO Secretary General in Tokyo and Seoul, 30 October – 2 November 2017',
        typeName: 'Briefing',
        wordLimit: 1100,
        status: 'draft',
        yardstick: 'icd203',
        marking: 'TLP:CLEAR',
        date: '2017-11-03',
      });
      expect(briefing.tags.map((t) => t.path)).toEqual(['Actor/NATO', 'Region/Asia-Pacific', 'Topic/Partnerships']);
      // The bottom line is the Summary section of the text, not a separate field.
      expect(briefing.summary).toBe('');
      expect(briefing.bodyText).toContain('signal closer practical work with Japan');
      const root = (JSON.parse(briefing.body) as { root: SerializedCountNode & { type: string } }).root;
      const count = countSerialized(root);
      expect(briefing.wordCount).toBe(count.total);
      expect(count.total).toBeLessThanOrEqual(1100);
      expect(count.sections.find((s) => s.heading === 'Key Judgements')?.cap).toBe(150);
      expect(briefing.bodyText).toContain('“natural partner”');
      const cited = citationsIn(root);
      expect(cited).toHaveLength(12);
      const targets = ws.citations.resolve(cited);
      expect(targets.every((t) => t.state === 'live')).toBe(true);
      expect(targets.find((t) => t.id === id('q-pressure'))).toMatchObject({ kind: 'quote', text: 'pressure is key', grade: 'A2' });
    } finally {
      ws.close();
    }
  });

  it('stores derived-from links that make the checks flag the single-strand judgement', () => {
    const path = join(temp.make(), 'sample.warrant');
    const build = buildSampleWorkspace(path);
    const db = new Database(path, { readonly: true });
    const derivations = db.prepare('SELECT source_id, origin_id FROM source_derivations').raw().all() as [string, string][];
    db.close();
    const judgements = sampleJudgementRecords(SAMPLE_WORKSPACE, build.briefingId, (key) => build.idsByKey.get(key) ?? key);
    const problems = runTradecraftChecks({ yardstick: 'icd203', judgements, derivations });
    expect(problems.map((p) => [p.location.kind === 'judgement' ? p.location.judgementId : '', p.code])).toEqual([
      ['kj-global', 'single-source'],
    ]);
  });

  it('holds an ACH matrix for its main question, where pressure on Pyongyang leads, held there by one argument and one assumption', () => {
    const path = join(temp.make(), 'sample.warrant');
    const build = buildSampleWorkspace(path);
    const ws = Workspace.open(path);
    try {
      const [summary] = ws.ach.list(build.briefingId);
      expect(summary).toMatchObject({ title: SAMPLE_WORKSPACE.matrix.title, hypotheses: 5, items: 10 });
      const matrix = ws.ach.get(summary?.id ?? '');
      expect(matrix.items.every((item) => item.state === 'live')).toBe(true);
      const analysis = analyseMatrix(matrix, matrix.derivations);
      const textOf = (id: string | null | undefined): string | undefined => matrix.hypotheses.find((h) => h.id === id)?.text;
      expect(textOf(analysis.leader.hypothesisId)).toMatch(/pressure on Pyongyang/);
      expect(textOf(analysis.scores[1]?.hypothesisId)).toBe('None of the above, or deception');
      const hangsOn = analysis.sensitivity.removalChangesLeader.map((id) => matrix.items.find((item) => item.id === id)?.text);
      expect(hangsOn).toEqual([
        'The visit’s statements give North Korea’s weapons, not the alliance with the United States, as the reason to speak out.',
        'What was said in public during the visits reflects their purpose.',
      ]);
    } finally {
      ws.close();
    }
  });

  it('writes the key judgements with their evidence and blocks in the Key Judgements section, and the checks flag the single-strand one', () => {
    const path = join(temp.make(), 'sample.warrant');
    const build = buildSampleWorkspace(path, { writeJudgements: writeSampleJudgements });
    expect(build.counts.judgements).toBe(4);
    const id = (key: string): string => build.idsByKey.get(key) ?? '';
    const ws = Workspace.open(path);
    try {
      const { yardstick, items } = ws.judgements.list(build.briefingId);
      expect(yardstick).toBe('icd203');
      expect(items.map((j) => j.statement)).toEqual(SAMPLE_WORKSPACE.judgements.map((j) => j.statement));
      expect(items.map((j) => [j.likelihood, j.confidence])).toEqual([
        ['very-likely', 'high'],
        ['likely', 'moderate'],
        ['very-unlikely', 'high'],
        ['likely', 'moderate'],
      ]);
      expect(items[1]?.rationale).toContain('natural partner');
      expect(items.map((j) => j.evidence.length)).toEqual([6, 3, 3, 3]);
      expect(items.flatMap((j) => j.evidence).every((link) => link.item.state === 'live')).toBe(true);
      const contradicting = items[1]?.evidence.find((link) => link.stance === 'contradicts');
      expect(contradicting).toMatchObject({
        note: 'Doubts that NATO has much to offer in the region.',
        item: { kind: 'quote', id: id('q-commentary-leverage') },
      });
      expect(items[0]?.evidence.find((link) => link.item.id === id('src-release'))).toMatchObject({
        stance: 'supports',
        item: { kind: 'source' },
      });
      // The global-threat judgement rests on the speech and two stories derived from it: one strand.
      expect(items[3]?.counts.supports).toMatchObject({ independentSources: 1 });
      expect(items[0]?.counts.supports.independentSources).toBeGreaterThan(1);

      // Three key assumptions, one caveated under a judgement held with moderate confidence: no check fires on them.
      const assumptions = ws.assumptions.list(build.briefingId);
      expect(assumptions.map((a) => [a.status, a.judgementIds])).toEqual([
        ['solid', [items[0]?.id, items[2]?.id]],
        ['caveated', [items[1]?.id]],
        ['solid', [items[3]?.id]],
      ]);
      const problems = runTradecraftChecks({ yardstick, judgements: items, derivations: ws.evidence.derivations(), assumptions });
      expect(
        problems
          .filter((p) => p.location.kind === 'judgement')
          .map((p) => [p.location.kind === 'judgement' ? p.location.judgementId : '', p.code]),
      ).toEqual([[items[3]?.id, 'single-source']]);
      // The judgement on the visit's purpose cites the matrix's leading hypothesis: the matrix agrees with it.
      expect(items[0]?.matrixCitation).toMatchObject({
        matrixTitle: SAMPLE_WORKSPACE.matrix.title,
        hypothesisText: SAMPLE_WORKSPACE.matrix.hypotheses[0],
      });
      expect(items.slice(1).map((j) => j.matrixCitation)).toEqual([null, null, null]);
      const standings = matrixStandingsOf(ws, items);
      expect(standings.get(items[0]?.id ?? '')).toMatchObject({ rankedAbove: null, leaderText: SAMPLE_WORKSPACE.matrix.hypotheses[0] });
      const analysed = runTradecraftChecks({
        yardstick,
        judgements: items,
        derivations: ws.evidence.derivations(),
        analysis: { matrices: standings },
      });
      expect(analysed.filter((p) => p.location.kind === 'judgement').map((p) => p.code)).toEqual(['single-source']);

      // One block per judgement, in order, at the end of the Key Judgements section.
      const briefing = ws.briefings.get(build.briefingId);
      const root = (
        JSON.parse(briefing.body) as {
          root: { children: { type: string; children: { type: string; judgementId?: string; statement?: string; version?: number }[] }[] };
        }
      ).root;
      const section = root.children.at(-1);
      expect(section?.children[0]?.type).toBe('heading');
      const blocks = section?.children.filter((node) => node.type === 'judgement') ?? [];
      expect(blocks).toEqual(items.map((j) => ({ type: 'judgement', judgementId: j.id, statement: j.statement, version: 1 })));
      expect(briefing.bodyText).toContain(items[2]?.statement ?? 'missing');
      const count = countSerialized(root as unknown as SerializedCountNode);
      expect(briefing.wordCount).toBe(count.total);
      const kj = count.sections.find((s) => s.heading === 'Key Judgements');
      expect(kj?.words).toBeLessThanOrEqual(kj?.cap ?? 0);
    } finally {
      ws.close();
    }
  });

  it('refuses an existing file and leaves it alone; a failure part-way leaves no file behind', () => {
    const dir = temp.make();
    const existing = join(dir, 'mine.warrant');
    writeFileSync(existing, 'not yours');
    expect(() => buildSampleWorkspace(existing)).toThrow(WarrantError);
    expect(readFileSync(existing, 'utf8')).toBe('not yours');

    const broken = join(dir, 'broken.warrant');
    expect(() =>
      buildSampleWorkspace(broken, {
        writeJudgements: () => {
          throw new Error('store failed');
        },
      }),
    ).toThrow('store failed');
    expect(existsSync(broken)).toBe(false);
    expect(existsSync(`${broken}-wal`)).toBe(false);
  });

  it('is what `warrant sample --out FILE` writes, which refuses to overwrite and explains a missing --out', () => {
    const path = join(temp.make(), 'from-cli.warrant');
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
    const first = run(['sample', '--out', path]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('8 sources, 10 quotes, 9 tags, 2 derived-from links and 1 briefing with 4 key judgements');
    const ws = Workspace.open(path);
    const briefings = ws.briefings.list({ sort: 'updated', direction: 'desc', text: '' });
    expect(briefings).toHaveLength(1);
    expect(ws.judgements.list(briefings[0]?.id ?? '').items).toHaveLength(4);
    ws.close();
    const again = run(['sample', '--out', path]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const missing = run(['sample']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('warrant sample --out FILE');
    expect(run(['--help']).stdout).toMatch(/^ {2}sample +Create the sample workspace/m);
  });
});
