import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaywrightPrinter } from '../../main/export/playwright-printer';
import { AssumptionDraftSchema } from '../../src/domain/assumption';
import { JudgementDraftSchema } from '../../src/domain/judgement';
import type { BriefingExportInput } from '../../src/export/model';
import { ExportFixture, pdfText, squash } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

/**
 * The annexes C (ACH), D (key assumptions) and E (indicators) in every export format. One file and
 * one print engine for the three: each engine is a Chromium start, the costliest part of a test here.
 */
const printer = new PlaywrightPrinter();
afterAll(() => printer.close());

/** Annex C: the briefing's ACH matrix, legible in every format, hostile text escaped. */
describe('the exported ACH annex', () => {
  const HOSTILE = 'Routine <img src=x onerror=alert(1)> diplomacy';
  const temp = new TempDirs();
  let fixture: ExportFixture;

  beforeAll(() => {
    fixture = new ExportFixture(temp);
    const ws = fixture.workspace;
    const [q1] = fixture.sample.quotes;
    if (!q1) throw new Error('the sample briefing changed');
    let matrix = ws.ach.create('Why the visit', 'Why did he go?', fixture.sample.briefingId, ['Pressure on Pyongyang', HOSTILE]);
    matrix = ws.ach.addItem(matrix.id, { kind: 'quote', targetId: q1.id, text: '', relevance: 'high' });
    matrix = ws.ach.addItem(matrix.id, { kind: 'absence', targetId: null, text: 'No exercise was announced', relevance: 'medium' });
    const [h1, h2] = matrix.hypotheses;
    const [e1, e2] = matrix.items;
    if (!h1 || !h2 || !e1 || !e2) throw new Error('matrix not built');
    ws.ach.rate(matrix.id, e1.id, h1.id, 'CC', 'N');
    ws.ach.rate(matrix.id, e1.id, h2.id, 'II', 'N');
    ws.ach.rate(matrix.id, e2.id, h1.id, 'I', 'N');
  });

  afterAll(async () => {
    fixture.close();
    temp.cleanup();
  });

  const exported = async (format: BriefingExportInput['format']): Promise<string> =>
    (await fixture.exportAsHost(format, printer, 'ach')).path;

  it('PDF: the matrix, its scores, the verdict and the legend, read back with pdftotext', async () => {
    const text = squash(pdfText(await exported('pdf')));
    const annex = text.slice(text.indexOf('Annex C: Analysis of competing hypotheses'));
    expect(annex).toContain('Why the visit');
    expect(annex).toContain(`H2: ${HOSTILE}`);
    expect(annex).toContain('Weighted inconsistency (lower is stronger) 1 8');
    expect(annex).toContain('The conclusion hangs on E1');
    expect(annex).toContain('H1 leads (Pressure on Pyongyang), by 7 over H2');
    expect(annex).toContain('CC very consistent');
  });

  it('DOCX, HTML and Markdown carry the same annex; HTML escapes the hostile hypothesis', async () => {
    const docx = execFileSync('unzip', ['-p', await exported('docx'), 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(docx).toContain('Annex C: Analysis of competing hypotheses');
    expect(docx).toContain('H1 leads (Pressure on Pyongyang), by 7 over H2');
    const html = readFileSync(await exported('html'), 'utf8');
    expect(html).toContain('Routine &lt;img src=x onerror=alert(1)&gt; diplomacy');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<h2 id="annex-c">Annex C: Analysis of competing hypotheses</h2>');
    const markdown = readFileSync(await exported('md'), 'utf8');
    expect(markdown).toContain('## Annex C: Analysis of competing hypotheses');
    expect(markdown).toMatch(/\| E2 \| Absence of evidence: No exercise was announced \| medium \/ medium \| I \| N \|/);
  });
});

/** Annex D: the briefing's key assumptions, legible in every format, hostile text escaped. */
describe('the exported key assumptions annex', () => {
  const HOSTILE = 'Allies agree <script>alert(1)</script> & stay agreed';
  const temp = new TempDirs();
  let fixture: ExportFixture;

  beforeAll(() => {
    fixture = new ExportFixture(temp);
    const ws = fixture.workspace;
    const judge = (statement: string) =>
      ws.judgements.create(
        fixture.sample.briefingId,
        JudgementDraftSchema.parse({ statement, likelihood: null, confidence: 'moderate', rationale: '' }),
      );
    const first = judge('NATO will keep backing the pressure campaign.');
    const second = judge('Japan and NATO will widen cooperation.');
    const solid = ws.assumptions.create(
      fixture.sample.briefingId,
      AssumptionDraftSchema.parse({
        text: HOSTILE,
        rationale: 'Every communiqué since 2016 says so.',
        status: 'solid',
        wrongIf: ['An Ally breaks ranks in public'],
      }),
    );
    const caveated = ws.assumptions.create(
      fixture.sample.briefingId,
      AssumptionDraftSchema.parse({ text: 'Tokyo wants closer ties', status: 'caveated', caveat: 'Until the next election' }),
    );
    const unsupported = ws.assumptions.create(
      fixture.sample.briefingId,
      AssumptionDraftSchema.parse({ text: 'Pyongyang reads NATO statements', status: 'unsupported' }),
    );
    ws.assumptions.link(solid.id, first.id);
    ws.assumptions.link(solid.id, second.id);
    ws.assumptions.link(caveated.id, second.id);
    ws.assumptions.link(unsupported.id, first.id);
  });

  afterAll(async () => {
    fixture.close();
    temp.cleanup();
  });

  const exported = (format: BriefingExportInput['format']) => fixture.exportAsHost(format, printer, 'assumptions');

  it('PDF: each assumption with its status, caveat, reasons and the judgements resting on it, read back with pdftotext', async () => {
    const { path, model } = await exported('pdf');
    const { problems } = model;
    const text = squash(pdfText(path));
    const annex = text.slice(text.indexOf('Annex D: Key assumptions'));
    expect(annex).toContain(`A1: ${HOSTILE}`);
    expect(annex).toContain('Status: Solid');
    expect(annex).toContain('Why it is believed: Every communiqué since 2016 says so.');
    expect(annex).toContain('An Ally breaks ranks in public');
    expect(annex).toContain('Key judgements resting on it: 1, 2.');
    expect(annex).toContain('A2: Tokyo wants closer ties Status: Caveated: Until the next election');
    expect(annex).toContain('A3: Pyongyang reads NATO statements Status: Unsupported Key judgements resting on it: 1.');
    // The export's checks see the register too: the first judgement rests on an unsupported assumption.
    expect(problems.map((problem) => problem.code)).toContain('unsupported-assumption');
  });

  it('DOCX, HTML and Markdown carry the same annex; HTML escapes the hostile assumption', async () => {
    const docx = execFileSync('unzip', ['-p', (await exported('docx')).path, 'word/document.xml'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(docx).toContain('Annex D: Key assumptions');
    expect(docx).toContain('Until the next election');
    expect(docx).toContain('Allies agree &lt;script&gt;alert(1)&lt;/script&gt; &amp; stay agreed');
    const html = readFileSync((await exported('html')).path, 'utf8');
    expect(html).toContain('<h2 id="annex-d">Annex D: Key assumptions</h2>');
    expect(html).toContain('A1: Allies agree &lt;script&gt;alert(1)&lt;/script&gt; &amp; stay agreed');
    expect(html).not.toContain('<script>alert(1)');
    const markdown = readFileSync((await exported('md')).path, 'utf8');
    expect(markdown).toContain('## Annex D: Key assumptions');
    expect(markdown).toContain('**Status:** Caveated: Until the next election');
    expect(markdown).toContain('Key judgements resting on it: 1, 2.');
  });
});

/** Annex E: the indicators of the briefing's judgements and its matrix's hypotheses, in every format, hostile text escaped. */
describe('the exported indicators annex', () => {
  const HOSTILE = 'A <script>alert(1)</script> | drill';
  const temp = new TempDirs();
  let fixture: ExportFixture;

  beforeAll(() => {
    fixture = new ExportFixture(temp);
    const ws = fixture.workspace;
    const briefingId = fixture.sample.briefingId;
    const [quote] = fixture.sample.quotes;
    if (!quote) throw new Error('the sample briefing changed');
    const judgement = ws.judgements.create(briefingId, {
      statement: 'NATO will deepen ties with Japan.',
      likelihood: null,
      confidence: null,
      rationale: '',
    });
    const seen = ws.indicators.create(
      { kind: 'judgement', id: judgement.id },
      { direction: 'if_true', text: 'A partnership programme is signed', reviewOn: '2018-03-01', notes: '' },
    );
    ws.indicators.setSighting(seen.id, seen.version, { on: '2017-11-02', evidence: { kind: 'quote', id: quote.id } });
    const matrix = ws.ach.create('Why the visit', '', briefingId, ['Pressure on Pyongyang', 'Routine diplomacy']);
    const hypothesis = matrix.hypotheses[1];
    if (!hypothesis) throw new Error('matrix not built');
    ws.indicators.create(
      { kind: 'hypothesis', id: hypothesis.id },
      { direction: 'if_false', text: HOSTILE, reviewOn: '2017-12-01', notes: 'Ask the desk.' },
    );
  });

  afterAll(async () => {
    fixture.close();
    temp.cleanup();
  });

  const exported = async (format: BriefingExportInput['format']): Promise<string> =>
    (await fixture.exportAsHost(format, printer, 'indicators')).path;

  it('PDF: each indicator with its status, evidence and review date, the overdue one marked, read back with pdftotext', async () => {
    const text = squash(pdfText(await exported('pdf')));
    const annex = text.slice(text.indexOf('Annex E: Indicators'));
    // Table cells wrap, so pdftotext interleaves their lines: each check is a piece that fits one line.
    for (const piece of [
      'For Indicator Direction Status Review by',
      'Key judgement:',
      'A partnership',
      'Seen on 2017-11-02: “North Korea is a',
      '(Speech at Keio University, Tokyo)',
      'Hypothesis (Why the',
      'A <script>alert(1)',
      '2017-12-01',
      '(overdue)',
    ])
      expect(annex).toContain(piece);
    // Only the one not yet seen and past its review date is marked.
    expect(annex.match(/\(overdue\)/g)).toHaveLength(1);
  });

  it('DOCX, HTML and Markdown carry the same annex; HTML and Markdown escape the hostile indicator', async () => {
    const docx = execFileSync('unzip', ['-p', await exported('docx'), 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(docx).toContain('Annex E: Indicators');
    expect(docx).toContain('Seen on 2017-11-02');
    const html = readFileSync(await exported('html'), 'utf8');
    expect(html).toContain('<h2 id="annex-e">Annex E: Indicators</h2>');
    expect(html).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; | drill');
    expect(html).not.toContain('<script>alert(1)');
    const markdown = readFileSync(await exported('md'), 'utf8');
    expect(markdown).toContain('## Annex E: Indicators');
    expect(markdown).toContain(
      '| A &lt;script&gt;alert(1)&lt;/script&gt; \\| drill (Notes: Ask the desk.) | Would be seen if false | Not yet seen | 2017-12-01 (overdue) |',
    );
  });
});
