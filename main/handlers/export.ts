import type { Workspace } from '../../db/workspace';
import type { JobControl } from '../../src/contract/job-manager';
import type { EXPORT_JOBS, EXPORT_OPERATIONS } from '../../src/contract/operations/export';
import { EXPORT_EXTENSIONS } from '../../src/export/model';
import { DownloadStore } from '../downloads';
import type { LoadJudgements, LoadProblems } from '../export/build-model';
import type { PdfPrinter } from '../export/pdf-printer';
import { writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE, writeViaTemporary } from '../../db/safe-files';
import { WarrantError } from '../../src/contract/errors';
import type { DomainHandlers, HandlerContext } from './context';

/** Where an export goes: a path the user picked in a native dialog (null: cancelled), or a download. */
export type PickExportPath = (defaultName: string, extension: string) => Promise<string | null>;

/** What the export handlers need from the host and from the rest of the app. */
export interface ExportWiring {
  readonly appVersion: string;
  readonly printer: PdfPrinter | null;
  /** The desktop's save dialog; null in the browser host (the export is then a download). */
  readonly pickExportPath: PickExportPath | null;
  /**
   * The judgement store and the further checks shown before export (the tradecraft checks),
   * loaded with the export code on the first export or check; without it exports carry no
   * judgements and no further problems.
   */
  readonly loadChecks?: () => Promise<{ loadJudgements: LoadJudgements; loadProblems: LoadProblems }>;
}

/**
 * The export code (headless Lexical, docx, the print HTML) loads on the first export or export
 * check, not at start: it is a fifth of what the host would otherwise load before serving.
 */
async function loadExportCode() {
  const [model, service] = await Promise.all([import('../export/build-model'), import('../export/export-service')]);
  return { buildExportModel: model.buildExportModel, exportBriefing: service.exportBriefing };
}

/** An AbortSignal that fires once the job is asked to stop. */
function cancelSignal(control: JobControl): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setInterval(() => {
    if (control.cancelled) controller.abort();
  }, 100);
  return { signal: controller.signal, dispose: () => clearInterval(timer) };
}

/** The briefing export, given what it needs from the host: a problems check before, and the export job itself. */
function createExportHandlers(
  ws: () => Workspace,
  wiring: ExportWiring,
  given?: DownloadStore,
): DomainHandlers<typeof EXPORT_OPERATIONS, typeof EXPORT_JOBS> {
  let own: DownloadStore | undefined;
  const downloads = (): DownloadStore => given ?? (own ??= new DownloadStore());
  const checks = async (): Promise<{ loadJudgements: LoadJudgements; loadProblems?: LoadProblems }> =>
    (await wiring.loadChecks?.()) ?? { loadJudgements: () => [] };
  return {
    handlers: {
      'briefings.exportProblems': async ({ briefingId }) => {
        const workspace = ws();
        const [{ buildExportModel }, { loadJudgements, loadProblems }] = await Promise.all([loadExportCode(), checks()]);
        return { problems: [...buildExportModel(workspace, briefingId, loadJudgements, loadProblems).model.problems] };
      },
    },
    jobHandlers: {
      'briefings.export': async (input, control) => {
        const workspace = ws();
        const cancel = cancelSignal(control);
        try {
          const [{ exportBriefing }, loaded] = await Promise.all([loadExportCode(), checks()]);
          const result = await exportBriefing(
            workspace,
            input,
            { progress: control.progress.bind(control), throwIfCancelled: () => control.throwIfCancelled(), signal: cancel.signal },
            { ...wiring, ...loaded },
          );
          if (wiring.pickExportPath) {
            const path = await wiring.pickExportPath(result.fileName, EXPORT_EXTENSIONS[input.format]);
            if (path === null) throw new WarrantError('cancelled', 'Export cancelled: nothing was written.');
            try {
              await writeViaTemporary(
                path,
                (temporary) => writeFileSync(temporary, result.bytes, { mode: PRIVATE_FILE_MODE }),
                workspace.path,
              );
            } catch (error) {
              if (error instanceof WarrantError) throw error;
              throw new WarrantError(
                'workspace_unavailable',
                `Could not write “${path}”: ${error instanceof Error ? error.message : String(error)}.`,
              );
            }
            return { delivery: 'saved', path };
          }
          const target = downloads().reserve();
          writeFileSync(target.path, result.bytes, { mode: PRIVATE_FILE_MODE });
          return { delivery: 'download', file: downloads().publish(target.fileId, result.fileName, result.mediaType) };
        } finally {
          cancel.dispose();
        }
      },
    },
  };
}

/** Briefing export wired to the host: its PDF engine and save dialog, the judgements and the tradecraft checks. */
export function exportHandlers({ ws, host, downloads }: HandlerContext): DomainHandlers<typeof EXPORT_OPERATIONS, typeof EXPORT_JOBS> {
  return createExportHandlers(
    ws,
    {
      appVersion: host.appVersion,
      printer: host.pdfPrinter ?? null,
      pickExportPath: host.dialogs?.pickExportPath?.bind(host.dialogs) ?? null,
      loadChecks: async () => {
        const { judgementsFrom, tradecraftFrom } = await import('../export/briefing-checks');
        return { loadJudgements: judgementsFrom(ws), loadProblems: tradecraftFrom(ws) };
      },
    },
    downloads,
  );
}
