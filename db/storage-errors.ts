import { WarrantError } from '../src/contract/errors';

const SAVE_ELSEWHERE = 'Everything saved before is safe. To keep working, save a copy somewhere else (Save a Copy…, Ctrl+Shift+S).';

/**
 * What a failure of the disk or the file means for the analyst, from SQLite's error code:
 * the change was not saved, what was saved is safe, and what to do. Null for other errors.
 */
export function storageFailure(error: unknown, fileLabel: string): WarrantError | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  const code = error.code;
  if (code === 'SQLITE_FULL')
    return new WarrantError(
      'workspace_unavailable',
      `The disk holding ${fileLabel} is full, so this change was not saved. Free some space and try again. ${SAVE_ELSEWHERE}`,
    );
  if (code.startsWith('SQLITE_READONLY'))
    return new WarrantError(
      'workspace_unavailable',
      `Warrant may not write to ${fileLabel} (the file or its folder is read-only), so this change was not saved. ${SAVE_ELSEWHERE}`,
    );
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new WarrantError(
      'workspace_unavailable',
      `Warrant cannot open ${fileLabel} or its folder for writing, so this change was not saved. ${SAVE_ELSEWHERE}`,
    );
  if (code.startsWith('SQLITE_IOERR'))
    return new WarrantError(
      'workspace_unavailable',
      `Writing to ${fileLabel} failed (the disk refused it: full, too large a file, or removed), so this change was not saved. ${SAVE_ELSEWHERE}`,
    );
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new WarrantError(
      'workspace_unavailable',
      `${fileLabel} was changed or damaged by another program while open, so this change was not saved. ${SAVE_ELSEWHERE}`,
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new WarrantError(
      'workspace_unavailable',
      `Another program is holding ${fileLabel}, so this change was not saved. Close it and try again.`,
    );
  return null;
}
