import { setImmediate as nextTurn } from 'node:timers/promises';
import { closeSync, openSync, writeSync } from 'node:fs';
import { PRIVATE_FILE_MODE, writeViaTemporary } from '../../db/safe-files';
import type { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import { CitationKeys, sourceToBibtex } from '../../src/interchange/export-bibtex';
import { sourceToCsl } from '../../src/interchange/export-csl';
import type { ExportFormat } from '../../src/interchange/schemas';
import type { ReadControl } from './read-file';

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  'csl-json': 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex',
};
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { 'csl-json': 'json', bibtex: 'bib' };

/** One CSL-JSON item, indented inside the list; `<` and `>` as JSON escapes, so markup stays inert if the file is embedded in a page. */
function jsonItem(item: unknown): string {
  return `  ${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ').replace(/</g, '\\u003c').replace(/>/g, '\\u003e')}`;
}

/** Where export text goes: a file descriptor (download, --out) or stdout. */
export type TextSink = (text: string) => void;

/**
 * Writes the library (or the chosen sources) as CSL-JSON or BibTeX to `sink`, a page of sources
 * at a time, so memory does not grow with the library. Returns how many sources went out.
 */
export async function exportLibrary(
  workspace: Workspace,
  format: ExportFormat,
  sink: TextSink,
  control: ReadControl,
  sourceIds?: readonly string[],
): Promise<number> {
  const total = workspace.interchange.count(sourceIds);
  const keys = new CitationKeys();
  let done = 0;
  let buffer = format === 'csl-json' ? '[' : '';
  for (const source of workspace.interchange.exportSources(sourceIds)) {
    const key = keys.next(source);
    if (format === 'csl-json') buffer += `${done === 0 ? '\n' : ',\n'}${jsonItem(sourceToCsl(source, key))}`;
    else buffer += `${done === 0 ? '' : '\n'}${sourceToBibtex(source, key)}`;
    done += 1;
    if (buffer.length > 1 << 20) {
      sink(buffer);
      buffer = '';
      control.progress(done, total, 'Writing sources');
      await nextTurn();
      control.throwIfCancelled();
    }
  }
  buffer += format === 'csl-json' ? (done === 0 ? ']\n' : '\n]\n') : '';
  sink(buffer);
  control.progress(done, total, 'Writing sources');
  return done;
}

/**
 * Exports into a file, through a temporary file beside it renamed into place when complete: on
 * failure or cancel nothing is left, and a path that is the open workspace is refused.
 */
export async function exportToFile(
  workspace: Workspace,
  format: ExportFormat,
  path: string,
  control: ReadControl,
  sourceIds?: readonly string[],
): Promise<number> {
  let count = 0;
  try {
    await writeViaTemporary(
      path,
      async (temporary) => {
        const fd = openSync(temporary, 'w', PRIVATE_FILE_MODE);
        try {
          count = await exportLibrary(workspace, format, (text) => void writeSync(fd, text), control, sourceIds);
        } finally {
          closeSync(fd);
        }
      },
      workspace.path,
    );
    return count;
  } catch (error) {
    if (error instanceof WarrantError) throw error;
    throw new WarrantError(
      'workspace_unavailable',
      `Could not write the export: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}
