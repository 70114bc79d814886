import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaywrightPrinter } from '../../main/export/playwright-printer';
import type { BriefingExportInput } from '../../src/export/model';
import { ExportFixture, pdfText, squash } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

const HOSTILE = 'A <script>alert(1)</script> | drill';

/** Annex E: the indicators of the briefing's judgements and its matrix's hypotheses, in every format, hostile text escaped. */
describe('the exported indicators annex', () => {
  const temp = new TempDirs();
  const printer = new PlaywrightPrinter();
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
    await printer.close();
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
