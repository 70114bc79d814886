import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgementsFrom } from '../../main/export/briefing-checks';
import { exportBriefing } from '../../main/export/export-service';
import { PlaywrightPrinter } from '../../main/export/playwright-printer';
import type { BriefingExportInput } from '../../src/export/model';
import { SAMPLE_DISSEMINATION, SAMPLE_REFERENCE, cite, heading, paragraph, section, state, text } from '../fixtures/export/sample-briefing';
import { ExportFixture, pdfText, squash } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

const NO_CONTROL = { progress: () => undefined, throwIfCancelled: () => undefined };
const SINGLE = 'this judgement rests on a single independent source.';
const LOW_GRADE = 'this judgement is supported only by low-grade reporting (sources graded E/F or information graded 5/6).';

/** The PDF's text in content-stream order: unlike -layout, it keeps the rotated watermark. */
function rawText(path: string): string {
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
}

function unzip(path: string, member: string): string {
  return execFileSync('unzip', ['-p', path, member], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The visible text of a WordprocessingML part: its text runs, a line per paragraph. */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)].map((match) => match[1] ?? '\n').join('');
}

/**
 * The product page a reader trusts: the judgements' caveats where they stand, derivations in the
 * annex, the word count, the new title-block facts and the DRAFT mark, in every format.
 */
describe('the exported product page', () => {
  const temp = new TempDirs();
  const printer = new PlaywrightPrinter();
  let fixture: ExportFixture;
  let briefingId: string;

  beforeAll(() => {
    fixture = new ExportFixture(temp);
    const ws = fixture.workspace;
    briefingId = fixture.sample.briefingId;
    const [speech, press] = fixture.sample.sources;
    const [q1, q2, q3] = fixture.sample.quotes;
    if (!speech || !press || !q1 || !q2 || !q3) throw new Error('the sample briefing changed');
    const post = ws.sources.create({
      kind: 'social_media_post',
      title: 'Anonymous post claiming a coup',
      author: '',
      publisher: '',
      url: null,
      publishedDate: null,
      accessedDate: null,
      language: 'en',
      notes: '',
      reliability: 'E',
    });
    const rumour = ws.quotes.create({
      sourceId: post.id,
      text: 'The army has taken over.',
      span: null,
      page: null,
      paragraph: '',
      timestamp: '',
      speaker: '',
      dateSaid: null,
      credibility: '5',
      verbatim: true,
      note: '',
    });
    // Body: the Key Judgements section holds only judgement blocks, so it has nothing to print.
    ws.briefings.saveBody({
      id: briefingId,
      body: state([
        section('s1', 'Summary', [paragraph(text('Stoltenberg called North Korea a global threat'), cite('quote', q1.id), text('.'))]),
        section('s3', 'Analysis', [paragraph(text('Reports repeated it'), cite('quote', q2.id), text('.'))]),
        { ...section('s4', 'Key Judgements', [], 'body', 150), children: [heading('Key Judgements'), paragraph()] },
      ]),
      bodyText: 'Stoltenberg called North Korea a global threat. Reports repeated it.',
      wordCount: 123,
    });
    const create = (statement: string, links: { id: string; stance: 'supports' | 'contradicts' }[]) => {
      const made = ws.judgements.create(briefingId, { statement, likelihood: 'likely', confidence: 'moderate', rationale: '' });
      for (const link of links) ws.evidence.link(made.id, { kind: 'quote', id: link.id }, { stance: link.stance, note: '' });
    };
    // The Kyodo report derives from the speech (the sample links them): one independent source.
    create('Pyongyang will test a missile again before 2018.', [
      { id: q1.id, stance: 'supports' },
      { id: q2.id, stance: 'supports' },
    ]);
    create('A coup is under way in Pyongyang.', [{ id: rumour.id, stance: 'supports' }]);
    create('Japan and NATO will deepen cyber cooperation.', [
      { id: q1.id, stance: 'supports' },
      { id: q3.id, stance: 'supports' },
    ]);
  });

  afterAll(async () => {
    await printer.close();
    fixture.close();
    temp.cleanup();
  });

  async function exported(format: BriefingExportInput['format'], status: 'draft' | 'final' = 'draft'): Promise<string> {
    const ws = fixture.workspace;
    const b = ws.briefings.get(briefingId);
    ws.briefings.updateMeta(briefingId, {
      title: b.title,
      typeId: b.typeId,
      status,
      author: b.author,
      date: b.date,
      marking: b.marking,
      summary: b.summary,
      yardstick: b.yardstick,
      reference: b.reference,
      cutoffDate: b.cutoffDate,
      dissemination: b.dissemination,
      tagIds: b.tags.map((tag) => tag.id),
    });
    const result = await exportBriefing(ws, { briefingId, format, paper: 'a4' }, NO_CONTROL, {
      appVersion: 'test',
      printer: format === 'pdf' ? printer : null,
      loadJudgements: judgementsFrom(() => ws),
    });
    const path = join(fixture.dir, `product-${status}.${format}`);
    writeFileSync(path, result.bytes);
    return path;
  }

  it('PDF: caveats under their judgements, derivations, word count, title-block facts and a DRAFT watermark', async () => {
    const path = await exported('pdf');
    const page = squash(pdfText(path));
    expect(page).toContain(`Reference ${SAMPLE_REFERENCE}`);
    expect(page).toContain('Information cut-off 2017-11-01');
    expect(page).toContain('Words 123 of 1,100');
    expect(page).toContain(`Dissemination: ${SAMPLE_DISSEMINATION}`);
    expect(rawText(path)).toContain('DRAFT');
    // Each caveat stands between its judgement's statement and the next judgement.
    const single = page.indexOf('Pyongyang will test a missile again before 2018.');
    const coup = page.indexOf('A coup is under way in Pyongyang.');
    const cyber = page.indexOf('Japan and NATO will deepen cyber cooperation.');
    expect(single).toBeGreaterThan(-1);
    expect(page.indexOf(`Caveat: ${SINGLE}`)).toBeGreaterThan(single);
    expect(page.indexOf(`Caveat: ${SINGLE}`)).toBeLessThan(coup);
    expect(page.indexOf(`Caveat: ${LOW_GRADE}`)).toBeGreaterThan(coup);
    expect(page.indexOf(`Caveat: ${LOW_GRADE}`)).toBeLessThan(cyber);
    // The coup rests on one low-grade source: both caveats; the cyber judgement has two sources and none.
    expect(page.split('Caveat:')).toHaveLength(4);
    expect(page.indexOf('Caveat:', cyber)).toBe(-1);
    // The Kyodo report (S2) names the speech (S1) it derives from, in its own annex row.
    const annex = page.slice(page.indexOf('Annex A: Sourcing'));
    expect(annex.indexOf('Derived from S1')).toBeGreaterThan(annex.indexOf('NATO chief urges pressure'));
    expect(annex.indexOf('Derived from S1')).toBeLessThan(annex.indexOf('Anonymous post claiming a coup'));
    expect(annex.split('Derived from')).toHaveLength(2);
    // The box is the only "Key Judgements" heading: the body's empty section is left out.
    expect(page.split('Key Judgements')).toHaveLength(2);
  }, 60_000);

  it('PDF: no DRAFT once the briefing is final', async () => {
    expect(rawText(await exported('pdf', 'final'))).not.toContain('DRAFT');
  }, 60_000);

  it('DOCX: caveats in the judgements table, derivations in the annex, facts in the title block, DRAFT in the header', async () => {
    const path = await exported('docx');
    const body = wordText(unzip(path, 'word/document.xml'));
    expect(body).toContain(`Caveat: ${SINGLE}`);
    expect(body).toContain(`Caveat: ${LOW_GRADE}`);
    expect(body).toContain(`Reference: ${SAMPLE_REFERENCE}`);
    expect(body).toContain('Information cut-off: 2017-11-01');
    expect(body).toContain('Words: 123 of 1,100');
    expect(body).toContain(`Dissemination: ${SAMPLE_DISSEMINATION}`);
    expect(body).toContain('Derived from S1');
    expect(body.split('Key Judgements')).toHaveLength(2);
    const headers = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' })
      .split('\n')
      .filter((name) => /^word\/header\d*\.xml$/.test(name));
    expect(headers.map((name) => wordText(unzip(path, name))).join('')).toContain('DRAFT');
    const final = await exported('docx', 'final');
    expect(headers.map((name) => wordText(unzip(final, name))).join('')).not.toContain('DRAFT');
  }, 60_000);

  it('HTML: a visible DRAFT mark, the caveats as notes beside their judgements, derivations and facts', async () => {
    const html = execFileSync('cat', [await exported('html')], { encoding: 'utf8' });
    expect(html).toContain('<div class="draft-watermark" aria-hidden="true">DRAFT</div>');
    expect(html).toContain(`<p class="judgement-caveat" role="note"><span class="label">Caveat:</span> ${SINGLE}</p>`);
    expect(html).toContain('<span class="annex-derivation">Derived from S1</span>');
    expect(html).toContain(`<dt>Reference</dt><dd>${SAMPLE_REFERENCE}</dd>`);
    expect(html).toContain('<dt>Words</dt><dd>123 of 1,100</dd>');
    expect(html).not.toContain('<h3>Key Judgements</h3>');
    expect(execFileSync('cat', [await exported('html', 'final')], { encoding: 'utf8' })).not.toContain('class="draft-watermark"');
  });

  it('Markdown: body sections beside Key Judgements, not under it; DRAFT, caveats and derivations', async () => {
    const md = execFileSync('cat', [await exported('md')], { encoding: 'utf8' });
    expect(md).toContain('**DRAFT**');
    expect(md).toMatch(/^## Analysis$/m);
    expect(md).not.toMatch(/^###/m);
    expect(md.match(/^## Key Judgements$/gm)).toHaveLength(1);
    expect(md).toContain(`- **Caveat:** ${SINGLE}`);
    expect(md).toContain('Derived from S1');
    expect(md).toContain(`**Reference:** ${SAMPLE_REFERENCE}`);
  });
});
