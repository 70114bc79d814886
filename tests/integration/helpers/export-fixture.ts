import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../db/workspace';
import type { BriefingExportInput } from '../../../src/export/model';
import { judgementsFrom, tradecraftFrom } from '../../../main/export/briefing-checks';
import { exportBriefing, type ExportedFile } from '../../../main/export/export-service';
import type { PdfPrinter } from '../../../main/export/pdf-printer';
import { seedSampleBriefing, type SampleBriefing } from '../../fixtures/export/sample-briefing';
import type { TempDirs } from './temp-workspace';

const NO_CONTROL = { progress: () => undefined, throwIfCancelled: () => undefined };

/** A workspace on disk holding the sample briefing, and a way to export it to a file. */
export class ExportFixture {
  readonly dir: string;
  readonly workspace: Workspace;
  readonly sample: SampleBriefing;

  constructor(temp: TempDirs, options: { extraParagraphs?: number } = {}) {
    this.dir = temp.make();
    this.workspace = Workspace.open(join(this.dir, 'export.warrant'), { create: true });
    this.sample = seedSampleBriefing(this.workspace, options);
  }

  async export(
    format: BriefingExportInput['format'],
    printer: PdfPrinter | null,
    paper: BriefingExportInput['paper'] = 'a4',
    briefingId = this.sample.briefingId,
  ): Promise<ExportedFile & { path: string }> {
    const result = await exportBriefing(this.workspace, { briefingId, format, paper }, NO_CONTROL, {
      appVersion: 'test',
      printer,
      loadJudgements: (id) => (id === this.sample.briefingId ? this.sample.judgements : []),
    });
    const path = join(this.dir, `out-${paper}.${format}`);
    writeFileSync(path, result.bytes);
    return { ...result, path };
  }

  /**
   * Exports the sample briefing as the host does: its judgements and checks read from the
   * workspace (what a test wrote there), the PDF only with a printer. The file is `<name>.<format>`.
   */
  async exportAsHost(format: BriefingExportInput['format'], printer: PdfPrinter, name: string): Promise<ExportedFile & { path: string }> {
    const ws = this.workspace;
    const result = await exportBriefing(ws, { briefingId: this.sample.briefingId, format, paper: 'a4' }, NO_CONTROL, {
      appVersion: 'test',
      printer: format === 'pdf' ? printer : null,
      loadJudgements: judgementsFrom(() => ws),
      loadProblems: tradecraftFrom(() => ws),
    });
    const path = join(this.dir, `${name}.${format}`);
    writeFileSync(path, result.bytes);
    return { ...result, path };
  }

  close(): void {
    this.workspace.close();
  }
}

export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-layout', path, '-'], { encoding: 'utf8' });
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** pdftotext collapses runs of spaces in -layout mode; compare text with spacing normalised. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}
