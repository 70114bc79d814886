import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PRIVATE_FILE_MODE, writeViaTemporary } from '../../db/safe-files';
import { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import { EXPORT_FORMATS, PAPER_SIZES, type ExportFormat, type PaperSize } from '../../src/export/model';
import { APP_VERSION } from '../app-version';
import type { LoadJudgements, LoadProblems } from '../export/build-model';
import { PlaywrightPrinter } from '../export/playwright-printer';

/** A briefing named by id, or else by its exact title (ignoring case); ambiguous titles are refused. */
export function findBriefing(workspace: Workspace, wanted: string): string {
  const all = workspace.briefings.list({ sort: 'title', direction: 'asc', text: '' });
  const byId = all.find((briefing) => briefing.id === wanted);
  if (byId) return byId.id;
  const byTitle = all.filter((briefing) => briefing.title.toLowerCase() === wanted.trim().toLowerCase());
  if (byTitle.length === 1 && byTitle[0]) return byTitle[0].id;
  if (byTitle.length > 1)
    throw new WarrantError(
      'invalid_input',
      `${byTitle.length} briefings are titled “${wanted}”; name one by its id: ${byTitle.map((b) => b.id).join(', ')}.`,
    );
  throw new WarrantError('not_found', `No briefing in this workspace has the id or title “${wanted}”.`);
}

/** How the CLI finds judgements and extra checks for the workspace it opened (the lead wires the stores in). */
export interface CliExportWiring {
  loadJudgements?: (workspace: Workspace) => LoadJudgements;
  loadProblems?: (workspace: Workspace) => LoadProblems;
}

/**
 * `warrant export --workspace PATH --briefing ID-or-title --format pdf|docx|html|md --out FILE [--paper a4|letter]`.
 * Returns the exit code; failures throw WarrantError (the CLI prints the message and exits 1).
 */
export async function briefingExportCommand(args: string[], wiring: CliExportWiring = {}): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      workspace: { type: 'string' },
      briefing: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      paper: { type: 'string', default: 'a4' },
    },
  });
  if (!values.workspace) throw new WarrantError('invalid_input', 'Say which workspace with --workspace PATH.');
  if (!values.briefing) throw new WarrantError('invalid_input', 'Say which briefing with --briefing ID-or-title.');
  if (!values.format || !(EXPORT_FORMATS as readonly string[]).includes(values.format))
    throw new WarrantError('invalid_input', `--format must be one of ${EXPORT_FORMATS.join(', ')}.`);
  if (!values.out) throw new WarrantError('invalid_input', 'Say where to write the export with --out FILE.');
  if (!(PAPER_SIZES as readonly string[]).includes(values.paper))
    throw new WarrantError('invalid_input', `--paper must be ${PAPER_SIZES.join(' or ')}.`);
  const format = values.format as ExportFormat;
  // Imported here, not at the top: every other command (`warrant web` above all) starts without
  // loading headless Lexical and docx.
  const { exportBriefing } = await import('../export/export-service');
  const workspace = Workspace.open(values.workspace, { create: false });
  const printer = format === 'pdf' ? new PlaywrightPrinter() : null;
  try {
    const briefingId = findBriefing(workspace, values.briefing);
    const result = await exportBriefing(
      workspace,
      { briefingId, format, paper: values.paper as PaperSize },
      { progress: () => undefined, throwIfCancelled: () => undefined },
      {
        appVersion: APP_VERSION,
        printer,
        loadJudgements: wiring.loadJudgements?.(workspace) ?? (() => []),
        loadProblems: wiring.loadProblems?.(workspace),
      },
    );
    try {
      await writeViaTemporary(
        values.out,
        (temporary) => writeFileSync(temporary, result.bytes, { mode: PRIVATE_FILE_MODE }),
        workspace.path,
      );
    } catch (error) {
      if (error instanceof WarrantError) throw error;
      throw new WarrantError(
        'invalid_input',
        `Could not write “${values.out}”: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    for (const problem of result.model.problems) process.stderr.write(`warning: ${problem.message}\n`);
    process.stderr.write(`Exported “${result.model.briefing.title}” to ${values.out}\n`);
    return 0;
  } finally {
    await printer?.close();
    workspace.close();
  }
}
