import { readFileSync, statSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import { reportText } from '../../src/interchange/report-text';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/interchange/schemas';
import { exportLibrary, exportToFile } from '../interchange/export-library';
import { importOpened } from '../interchange/import-service';
import { IMPORT_MAX_BYTES, openLibraryFile, type ReadControl } from '../interchange/read-file';
import { WorkspaceLock } from '../workspace-lock';

/** Ctrl+C asks the running read to stop; nothing has been written until the final transaction. */
function consoleControl(): ReadControl & { dispose(): void } {
  let cancelled = false;
  const onInterrupt = (): void => {
    cancelled = true;
  };
  process.on('SIGINT', onInterrupt);
  const tty = process.stderr.isTTY;
  return {
    progress(done, total, message) {
      if (tty && total > 0) process.stderr.write(`\r${message}: ${Math.floor((done / total) * 100)}%   `);
    },
    throwIfCancelled() {
      if (cancelled) throw new WarrantError('cancelled', 'Cancelled: nothing was written.');
    },
    dispose() {
      process.off('SIGINT', onInterrupt);
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

/** An import writes, so it waits for the workspace's writer; commands that only read need not. */
const IMPORT_LOCKED_ADVICE =
  'nothing was imported. Import there (Library → Import…), or close it there first and run this again; export and export-library still work while it is open';

function requireWorkspace(value: string | undefined): string {
  if (!value) throw new WarrantError('invalid_input', 'Say which workspace with --workspace PATH.');
  return value;
}

/** `warrant import FILE --workspace PATH [--on-duplicate skip|merge] [--keywords tags|notes]`: exit 0 only when no entry failed. */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      workspace: { type: 'string' },
      'on-duplicate': { type: 'string', default: 'skip' },
      keywords: { type: 'string', default: 'tags' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new WarrantError('invalid_input', 'Name one file to import: warrant import FILE --workspace PATH.');
  const onDuplicate = values['on-duplicate'];
  if (onDuplicate !== 'skip' && onDuplicate !== 'merge')
    throw new WarrantError('invalid_input', `--on-duplicate must be skip or merge, not “${onDuplicate}”.`);
  const keywords = values.keywords;
  if (keywords !== 'tags' && keywords !== 'notes')
    throw new WarrantError('invalid_input', `--keywords must be tags or notes, not “${keywords}”.`);
  const workspacePath = requireWorkspace(values.workspace);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new WarrantError('not_found', `Cannot read “${file}”: no such file.`);
  }
  if (size > IMPORT_MAX_BYTES)
    throw new WarrantError('invalid_input', `“${file}” is too large to import (the limit is ${IMPORT_MAX_BYTES / 1024 / 1024} MB).`);
  const control = consoleControl();
  try {
    // The file is decoded (and refused, if it must be) before the workspace is opened or created.
    const opened = openLibraryFile(new Uint8Array(readFileSync(file)), file);
    const lock = WorkspaceLock.acquire(workspacePath, 'command line', IMPORT_LOCKED_ADVICE);
    let workspace: Workspace;
    try {
      workspace = Workspace.open(workspacePath, { create: true });
    } catch (error) {
      lock.release();
      throw error;
    }
    try {
      // Entries are read and written a batch at a time, so memory does not grow with the file's entries.
      const report = await importOpened(workspace, opened, onDuplicate, control, keywords);
      control.dispose();
      process.stdout.write(`${reportText(report)}\n`);
      return report.failedCount === 0 ? 0 : 1;
    } finally {
      workspace.close();
      lock.release();
    }
  } finally {
    control.dispose();
  }
}

/** `warrant export-library --workspace PATH --format csl-json|bibtex [--out FILE]`. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { workspace: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  });
  const format = values.format;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new WarrantError('invalid_input', `--format must be ${EXPORT_FORMATS.join(' or ')}.`);
  const workspace = Workspace.open(requireWorkspace(values.workspace), { create: false });
  const control = consoleControl();
  try {
    if (values.out) {
      const count = await exportToFile(workspace, format as ExportFormat, values.out, control);
      control.dispose();
      process.stderr.write(`Exported ${count.toLocaleString('en')} sources to ${values.out}\n`);
    } else {
      const fd = process.stdout.fd;
      await exportLibrary(workspace, format as ExportFormat, (text) => writeAll(fd, text), control);
    }
    return 0;
  } finally {
    control.dispose();
    workspace.close();
  }
}

/** Writes all of `text` to a descriptor (stdout may be a pipe that takes it in parts). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length;) {
    try {
      offset += writeSyncRetry(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw error;
    }
  }
}

function writeSyncRetry(fd: number, bytes: Buffer, offset: number): number {
  for (;;) {
    try {
      return writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}
