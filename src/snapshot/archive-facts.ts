import { extensionOf } from './media-type';
import type { ArchiveFormat, SnapshotArchive } from '../domain/snapshot';

/** Which container a file name says it is (MHTML, WARC, WACZ), or null for a plain page, PDF or text. */
export function archiveFormatOf(fileName: string): ArchiveFormat | null {
  const extension = extensionOf(fileName);
  if (extension === 'mhtml' || extension === 'mht') return 'mhtml';
  if (extension === 'warc' || (extension === 'gz' && /\.warc\.gz$/i.test(fileName))) return 'warc';
  if (extension === 'wacz') return 'wacz';
  return null;
}

/** Whether a file must be looked inside before attaching (it may hold several captured pages). */
export function mayHoldSeveralPages(fileName: string): boolean {
  const format = archiveFormatOf(fileName);
  return format === 'warc' || format === 'wacz';
}

const FORMAT_LABELS: Readonly<Record<ArchiveFormat, string>> = { mhtml: 'MHTML page', warc: 'WARC web archive', wacz: 'WACZ web archive' };

/** A capture time as the annex and the source view write it: `2026-11-30 09:41:07 UTC` (the archive's clock, not the viewer's). */
export function formatCaptureTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

/** What the archive says about the capture, in one line: "WARC web archive: captured 2026-11-30 09:41:07 UTC from https://…". */
export function archiveCaptureLine(archive: SnapshotArchive): string {
  const when = archive.capturedAt === null ? 'capture time not recorded' : `captured ${formatCaptureTime(archive.capturedAt)}`;
  const where = archive.url === null ? '' : ` from ${archive.url}`;
  return `${FORMAT_LABELS[archive.format]}: ${when}${where}`;
}
