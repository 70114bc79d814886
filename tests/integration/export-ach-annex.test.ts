import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaywrightPrinter } from '../../main/export/playwright-printer';
import type { BriefingExportInput } from '../../src/export/model';
import { ExportFixture, pdfText, squash } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

const HOSTILE = 'Routine <img src=x onerror=alert(1)> diplomacy';

/** Annex C: the briefing's ACH matrix, legible in every format, hostile text escaped. */
describe('the exported ACH annex', () => {
  const temp = new TempDirs();
  const printer = new PlaywrightPrinter();
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
    await printer.close();
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
