import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBriefing } from '../../main/export/export-service';
import type { Judgement } from '../../src/domain/judgement';
import type { BriefingExportInput } from '../../src/export/model';
import { ExportFixture } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

const NO_CONTROL = { progress: () => undefined, throwIfCancelled: () => undefined };

/** A judgement citing a matrix prints one line under it: the matrix, where it ranks the hypothesis. */
describe('an exported judgement citing an ACH matrix', () => {
  const temp = new TempDirs();
  let fixture: ExportFixture;
  let judgements: Judgement[];

  beforeAll(() => {
    fixture = new ExportFixture(temp, { extraParagraphs: 0 });
    const ws = fixture.workspace;
    let matrix = ws.ach.create('Why the <b>visit</b>', '', fixture.sample.briefingId, ['Pressure', 'Routine diplomacy']);
    matrix = ws.ach.addItem(matrix.id, { kind: 'argument', targetId: null, text: 'Statements name the weapons', relevance: 'high' });
    const [pressure, routine] = matrix.hypotheses;
    const [item] = matrix.items;
    if (!pressure || !routine || !item) throw new Error('matrix not built');
    ws.ach.rate(matrix.id, item.id, routine.id, 'II', 'N');
    const [first, second] = fixture.sample.judgements;
    if (!first || !second) throw new Error('the sample briefing changed');
    const cite = (hypothesis: typeof pressure) => ({
      matrixId: matrix.id,
      hypothesisId: hypothesis.id,
      matrixTitle: '',
      hypothesisText: '',
      version: 1,
    });
    judgements = [
      { ...first, matrixCitation: cite(pressure) },
      { ...second, matrixCitation: cite(routine) },
    ];
  });

  afterAll(() => {
    fixture.close();
    temp.cleanup();
  });

  async function exported(format: BriefingExportInput['format']): Promise<string> {
    const result = await exportBriefing(fixture.workspace, { briefingId: fixture.sample.briefingId, format, paper: 'a4' }, NO_CONTROL, {
      appVersion: 'test',
      printer: null,
      loadJudgements: () => judgements,
    });
    const path = join(fixture.dir, `cite.${format}`);
    writeFileSync(path, result.bytes);
    return readFileSync(path, 'utf8');
  }

  it('names the matrix and its lead, or the rank below, in HTML, Markdown and DOCX', async () => {
    const html = await exported('html');
    expect(html).toContain(
      '<span class="label">Analysis:</span> ACH matrix “Why the &lt;b&gt;visit&lt;/b&gt;”, leads by 4 (supports “Pressure”)',
    );
    expect(html).toContain('ranked below “Pressure” (weighted inconsistency 4 against 0) (supports “Routine diplomacy”)');
    const markdown = await exported('md');
    expect(markdown).toMatch(/- \*\*Analysis:\*\* ACH matrix “Why the .*visit.*”, leads by 4 \(supports “Pressure”\)/);
    await exported('docx');
    const docx = execFileSync('unzip', ['-p', join(fixture.dir, 'cite.docx'), 'word/document.xml'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(docx).toContain('ACH matrix “Why the &lt;b&gt;visit&lt;/b&gt;”, leads by 4 (supports “Pressure”)');
  });
});
