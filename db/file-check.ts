import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { WarrantError } from '../src/contract/errors';

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_SIZE = 100;

/**
 * Reads only the 100-byte header: never writes, so a refused file keeps its exact bytes (and
 * a foreign database is never opened by SQLite, which could leave -wal/-shm files beside it).
 */
export function checkSqliteHeader(path: string, fileLabel: string, applicationId: number): void {
  const size = statSync(path).size;
  if (size === 0) {
    throw new WarrantError('workspace_unavailable', `Cannot open ${fileLabel}: the file is empty, so it is not a Warrant workspace.`);
  }
  const header = Buffer.alloc(HEADER_SIZE);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, HEADER_SIZE, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 16 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new WarrantError('workspace_unavailable', `Cannot open ${fileLabel}: it is not a Warrant workspace (the file is not a SQLite database).`);
  }
  if (read < HEADER_SIZE) {
    throw new WarrantError('workspace_unavailable', `Cannot open ${fileLabel}: the file is truncated (it ends inside the database header).`);
  }
  if (header.readUInt32BE(68) !== applicationId) {
    throw new WarrantError('workspace_unavailable', `Cannot open ${fileLabel}: it is a SQLite database, but not a Warrant workspace.`);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const changeCounter = header.readUInt32BE(24);
  const pageCount = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  // The in-header page count is trustworthy only when stamped by the same write as the change counter.
  if (pageCount > 0 && validFor === changeCounter && size < pageCount * pageSize) {
    throw new WarrantError(
      'workspace_unavailable',
      `Cannot open ${fileLabel}: the file is truncated (${size.toLocaleString('en')} bytes of the ${(pageCount * pageSize).toLocaleString('en')} its header promises). Restore it from a backup or a copy.`,
    );
  }
}
