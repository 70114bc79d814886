import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { WarrantError } from '../src/contract/warrant-error';

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_SIZE = 100;
const WAL_HEADER_SIZE = 32;

/** What the header check leaves for SQLite to settle once it has read the WAL. */
export interface HeaderCheck {
  /**
   * The main file is shorter than its header says, but a WAL with frames lies beside it: a
   * checkpoint killed part-way writes page 1 before the pages that extend the file, and the WAL
   * still holds them all. Only a full read after recovery can tell that from real damage.
   */
  shortButWalPending: boolean;
}

function walHasFrames(path: string): boolean {
  const wal = `${path}-wal`;
  return existsSync(wal) && statSync(wal).size > WAL_HEADER_SIZE;
}

/**
 * Reads only the 100-byte header: never writes, so a refused file keeps its exact bytes (and
 * a foreign database is never opened by SQLite, which could leave -wal/-shm files beside it).
 */
export function checkSqliteHeader(path: string, fileLabel: string, applicationId: number): HeaderCheck {
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
    throw new WarrantError(
      'workspace_unavailable',
      `Cannot open ${fileLabel}: it is not a Warrant workspace (the file is not a SQLite database).`,
    );
  }
  if (read < HEADER_SIZE) {
    throw new WarrantError(
      'workspace_unavailable',
      `Cannot open ${fileLabel}: the file is truncated (it ends inside the database header).`,
    );
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
    if (walHasFrames(path)) return { shortButWalPending: true };
    throw new WarrantError(
      'workspace_unavailable',
      `Cannot open ${fileLabel}: the file is truncated (${size.toLocaleString('en')} bytes of the ${(pageCount * pageSize).toLocaleString('en')} its header promises). Restore it from a backup or a copy.`,
    );
  }
  return { shortButWalPending: false };
}
