import type { ArchiveFormat } from '../domain/snapshot';
import { extensionOf } from './media-type';

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
