import type { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import type { JobControl } from '../../src/contract/job-manager';
import { renderMarkdown } from '../../src/export/markdown';
import { EXPORT_EXTENSIONS, EXPORT_MEDIA_TYPES, type BriefingExportInput, type ExportModel } from '../../src/export/model';
import { renderPrintHtml } from '../../src/export/print-html';
import { renderStandaloneHtml } from '../../src/export/standalone-html';
import { buildExportModel, type LoadJudgements, type LoadProblems } from './build-model';
import { renderDocx } from './docx';
import { bundledFontCss } from './fonts';
import { setPdfMetadata } from './pdf-metadata';
import type { PdfPrinter } from './pdf-printer';

/** What an export needs from its host. */
export interface ExportDeps {
  readonly appVersion: string;
  /** The PDF engine; null where the host has none (PDF export is then refused clearly). */
  readonly printer: PdfPrinter | null;
  readonly loadJudgements: LoadJudgements;
  readonly loadProblems?: LoadProblems;
}

/** A finished export: the bytes and how to name them. */
export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mediaType: string;
  readonly model: ExportModel;
}

/** "NATO in Asia: Tokyo and Seoul" → "NATO in Asia - Tokyo and Seoul.pdf" (safe on every file system). */
export function exportFileName(title: string, extension: string): string {
  const stem = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' - ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 120);
  return `${stem || 'Briefing'}.${extension}`;
}

const STEPS = 4;

/** Exports one briefing in the asked format, reporting progress and honouring cancellation. */
export async function exportBriefing(
  workspace: Workspace,
  input: BriefingExportInput,
  control: Pick<JobControl, 'progress' | 'throwIfCancelled'> & { signal?: AbortSignal },
  deps: ExportDeps,
): Promise<ExportedFile> {
  control.progress(0, STEPS, 'Gathering the briefing and its sources');
  const { model, doc } = buildExportModel(workspace, input.briefingId, deps.loadJudgements, deps.loadProblems);
  control.throwIfCancelled();
  control.progress(1, STEPS, 'Laying out the document');
  const named = (bytes: Uint8Array): ExportedFile => ({
    bytes,
    fileName: exportFileName(model.briefing.title, EXPORT_EXTENSIONS[input.format]),
    mediaType: EXPORT_MEDIA_TYPES[input.format],
    model,
  });
  const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
  switch (input.format) {
    case 'md':
      return named(utf8(renderMarkdown(model)));
    case 'html':
      return named(utf8(renderStandaloneHtml(model, bundledFontCss())));
    case 'docx':
      return named(await renderDocx(model, doc));
    case 'pdf': {
      if (!deps.printer) throw new WarrantError('unsupported', 'This host cannot print PDFs. Export to DOCX or HTML instead.');
      const printed = renderPrintHtml(model, { paper: input.paper, fontFaceCss: bundledFontCss() }, doc);
      control.throwIfCancelled();
      control.progress(2, STEPS, 'Printing the PDF');
      const pdf = await deps.printer.print({ html: printed.html, paper: input.paper, signal: control.signal });
      control.throwIfCancelled();
      control.progress(3, STEPS, 'Writing the document properties');
      const withMetadata = await setPdfMetadata(pdf, model.briefing, deps.appVersion);
      control.progress(STEPS, STEPS, 'Done');
      return named(withMetadata);
    }
  }
}
