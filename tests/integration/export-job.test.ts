import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/contract/file-ref';
import type { ExportProblem } from '../../src/export/model';
import { PlaywrightPrinter } from '../../main/export/playwright-printer';
import { SAMPLE_TITLE, seedSampleBriefing, type SampleBriefing } from '../fixtures/export/sample-briefing';
import { ContractFixture } from './helpers/contract';

const printer = new PlaywrightPrinter();
let contract: ContractFixture;
let sample: SampleBriefing;

beforeEach(() => {
  contract = new ContractFixture();
  contract.hostExtras = { pdfPrinter: printer };
  contract.open();
  sample = seedSampleBriefing(contract.session.current, { extraParagraphs: 2 });
});

afterEach(() => {
  expect(contract.internalErrors.filter((line) => !line.includes('did not finish printing'))).toEqual([]);
  contract.close();
});

afterAll(async () => {
  await printer.close();
});

function downloaded(delivery: unknown): Buffer {
  const result = delivery as Delivery;
  if (result.delivery !== 'download') throw new Error('expected a download');
  const entry = contract.downloads.get(result.file.fileId);
  if (!entry) throw new Error('download not published');
  return readFileSync(entry.path);
}

describe('the briefings.export job (browser host: a download)', () => {
  it('exports Markdown and PDF as downloads named after the briefing, reporting progress', async () => {
    const md = await contract.job('briefings.export', { briefingId: sample.briefingId, format: 'md' });
    expect(md.status).toBe('succeeded');
    expect((md.result as Extract<Delivery, { delivery: 'download' }>).file).toMatchObject({
      name: `${SAMPLE_TITLE}.md`,
      mediaType: 'text/markdown',
    });
    expect(downloaded(md.result).toString('utf8')).toContain(`# ${SAMPLE_TITLE}`);

    const pdf = await contract.job('briefings.export', { briefingId: sample.briefingId, format: 'pdf', paper: 'letter' });
    expect(pdf.status, JSON.stringify(pdf.error)).toBe('succeeded');
    expect(pdf.message).toBe('Done');
    expect([pdf.done, pdf.total]).toEqual([4, 4]);
    expect(downloaded(pdf.result).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('lists the problems to fix before export: broken citations and words over the limit', async () => {
    const ws = contract.session.current;
    const { problems } = await contract.value<{ problems: ExportProblem[] }>('briefings.exportProblems', { briefingId: sample.briefingId });
    expect(problems).toEqual([
      { code: 'broken-citation', message: expect.stringContaining('Citation 4: the cited quote is in the trash') as string },
    ]);
    const briefing = ws.briefings.get(sample.briefingId);
    ws.briefings.saveBody({ id: briefing.id, body: briefing.body, bodyText: briefing.bodyText, wordCount: 1_250 });
    const after = await contract.value<{ problems: ExportProblem[] }>('briefings.exportProblems', { briefingId: sample.briefingId });
    expect(after.problems.map((problem) => problem.code)).toEqual(['broken-citation', 'over-limit']);
    expect(after.problems[1]?.message).toBe('The briefing has 1,250 words; a Briefing should not exceed 1,100.');
  });

  it('refuses bad input clearly', async () => {
    const bad = await contract.call('briefings.export', { briefingId: sample.briefingId, format: 'rtf' });
    expect(bad.ok).toBe(false);
    const started = contract.dispatcher.startJob('briefings.export', { briefingId: sample.briefingId, format: 'rtf' });
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.error.code).toBe('invalid_input');
    const missing = await contract.job('briefings.export', { briefingId: '00000000-0000-0000-0000-000000000000', format: 'md' });
    expect(missing.status).toBe('failed');
    expect(missing.error?.code).toBe('not_found');
  });

  it('can be cancelled', async () => {
    const started = contract.dispatcher.startJob('briefings.export', { briefingId: sample.briefingId, format: 'pdf' });
    if (!started.ok) throw new Error(started.error.message);
    await contract.value('jobs.cancel', { jobId: started.value.jobId });
    let snapshot = await contract.value<{ status: string }>('jobs.get', { jobId: started.value.jobId });
    for (let i = 0; i < 500 && snapshot.status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      snapshot = await contract.value<{ status: string }>('jobs.get', { jobId: started.value.jobId });
    }
    expect(snapshot.status).toBe('cancelled');
  }, 30_000);

  it('a print that never returns times out with a clear error, and the next export works', async () => {
    printer.timeoutMs = 1;
    try {
      const hung = await contract.job('briefings.export', { briefingId: sample.briefingId, format: 'pdf' });
      expect(hung.status).toBe('failed');
      expect(hung.error?.message).toMatch(/^The PDF engine did not finish printing within 0 seconds, so the export was stopped\./);
    } finally {
      printer.timeoutMs = 60_000;
    }
    const next = await contract.job('briefings.export', { briefingId: sample.briefingId, format: 'pdf' });
    expect(next.status, JSON.stringify(next.error)).toBe('succeeded');
    expect((await contract.value<{ items: unknown[] }>('briefings.list', {})).items).toHaveLength(1);
  }, 60_000);
});

describe('an exported briefing carries the judgement store’s judgements and their checks', () => {
  it('prints each key judgement with its likelihood and confidence, and lists its tradecraft problems first', async () => {
    const ws = contract.session.current;
    const [quote] = sample.quotes;
    if (!quote) throw new Error('the sample has quotes');
    const judgement = ws.judgements.create(sample.briefingId, {
      statement: 'NATO will very likely keep up pressure on Pyongyang.',
      likelihood: 'very-likely',
      confidence: 'high',
      rationale: 'The speech said so plainly.',
    });
    ws.evidence.link(judgement.id, { kind: 'quote', id: quote.id }, { stance: 'supports', note: '' });

    const { problems } = await contract.value<{ problems: ExportProblem[] }>('briefings.exportProblems', { briefingId: sample.briefingId });
    expect(problems.map((problem) => problem.code)).toContain('single-source');
    expect(problems.find((problem) => problem.code === 'single-source')?.message).toMatch(/^Key judgement 1: /);

    const md = await contract.job('briefings.export', { briefingId: sample.briefingId, format: 'md' });
    expect(md.status, JSON.stringify(md.error)).toBe('succeeded');
    const text = downloaded(md.result).toString('utf8');
    expect(text).toContain('NATO will very likely keep up pressure on Pyongyang.');
    expect(text).toMatch(/Likelihood[^\n]*very likely \(80–95%\)/);
    expect(text).toMatch(/Confidence[^\n]*[Hh]igh/);
  });
});
