import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaywrightPrinter } from '../../main/export/playwright-printer';
import { AssumptionDraftSchema } from '../../src/domain/assumption';
import { JudgementDraftSchema } from '../../src/domain/judgement';
import type { BriefingExportInput } from '../../src/export/model';
import { ExportFixture, pdfText, squash } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

const HOSTILE = 'Allies agree <script>alert(1)</script> & stay agreed';

/** Annex D: the briefing's key assumptions, legible in every format, hostile text escaped. */
describe('the exported key assumptions annex', () => {
  const temp = new TempDirs();
  const printer = new PlaywrightPrinter();
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
    await printer.close();
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
