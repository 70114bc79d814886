import { z } from 'zod';
import { SnapshotOcrSchema } from '../snapshot/ocr';
import { RecordId, Timestamp } from './fields';

/**
 * The last re-check of a snapshot's bytes against the SHA-256 recorded at capture, made since the
 * workspace opened: `mismatch` means the bytes were changed inside the file after capture.
 */
export const SnapshotHashCheckSchema = z.object({
  state: z.enum(['unchecked', 'matches', 'mismatch']),
  checkedAt: Timestamp.nullable(),
  /** The hash of the bytes as stored now (null until checked). */
  foundSha256: z.string().nullable(),
});
export type SnapshotHashCheck = z.infer<typeof SnapshotHashCheckSchema>;

/**
 * What a snapshot's extracted text cannot be trusted to hold, said wherever the text is shown:
 * `no-text` — nothing could be read (a scan with no text layer, a damaged file read as blank
 * pages); `xfa-form` — an XFA form, whose text was read from the form's data (printed labels and
 * filled-in values) rather than from pages; `xfa-unreadable` — an XFA form of which nothing could
 * be read.
 */
export const SnapshotTextNoticeSchema = z.enum(['no-text', 'xfa-form', 'xfa-unreadable']);
export type SnapshotTextNotice = z.infer<typeof SnapshotTextNoticeSchema>;

/** The container a snapshot came in: an MHTML page, or a page picked from a WARC or WACZ web archive. */
export const ArchiveFormatSchema = z.enum(['mhtml', 'warc', 'wacz']);
export type ArchiveFormat = z.infer<typeof ArchiveFormatSchema>;

/** What the archive's own records say about the capture (WARC-Target-URI and WARC-Date; MHTML's location and Date). */
export const SnapshotArchiveSchema = z.object({
  format: ArchiveFormatSchema,
  /** The address the page was captured from, as the archive records it. */
  url: z.string().nullable(),
  /** When the archive says the page was captured (ISO 8601), not when it was attached. */
  capturedAt: z.string().nullable(),
});
export type SnapshotArchive = z.infer<typeof SnapshotArchiveSchema>;

/** An image kept with an MHTML snapshot, by the address the page names it by. */
export const SnapshotImageSchema = z.object({
  location: z.string(),
  mediaType: z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp']),
  base64: z.string(),
});
export type SnapshotImage = z.infer<typeof SnapshotImageSchema>;

const FORMAT_LABELS: Readonly<Record<ArchiveFormat, string>> = { mhtml: 'MHTML page', warc: 'WARC web archive', wacz: 'WACZ web archive' };

const MEDIA_LABELS: Readonly<Record<SnapshotInfo['mediaType'], string>> = {
  'text/html': 'HTML page',
  'application/pdf': 'PDF',
  'text/plain': 'text',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/webp': 'WebP image',
};

/** A capture's format in words: its container when it came in one (an MHTML page, a WARC web archive), else its media type. */
export function captureFormatLabel(capture: Pick<SnapshotInfo, 'mediaType' | 'archive'>): string {
  return capture.archive ? FORMAT_LABELS[capture.archive.format] : MEDIA_LABELS[capture.mediaType];
}

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

/** One captured HTML page inside a WARC or WACZ, as offered for picking. */
export const ArchivePageSchema = z.object({
  pageId: z.string(),
  url: z.string(),
  capturedAt: z.string().nullable(),
});
export type ArchivePage = z.infer<typeof ArchivePageSchema>;

/** The pages of an uploaded file: empty for a file that is not a web archive (or an MHTML, which has one). */
export const ArchivePageListSchema = z.object({
  format: ArchiveFormatSchema.nullable(),
  pages: z.array(ArchivePageSchema),
  /** The page to take without asking (the only one, or the only one pages.jsonl names); null: ask. */
  chosenPageId: z.string().nullable(),
});
export type ArchivePageList = z.infer<typeof ArchivePageListSchema>;

export const SnapshotInfoSchema = z.object({
  /** The capture's own id: a source keeps any number of captures, the latest being its current one. */
  id: RecordId,
  sourceId: RecordId,
  fileName: z.string(),
  mediaType: z.enum(['text/html', 'application/pdf', 'text/plain', 'image/png', 'image/jpeg', 'image/webp']),
  size: z.number().int(),
  /** Recorded at capture. */
  sha256: z.string(),
  capturedAt: Timestamp,
  /** The encoding an HTML or text capture was read in (`gb18030`, `shift_jis`, `utf-8`…); null for a PDF or a capture older than this field. */
  encoding: z.string().nullable(),
  /** Null when the text was read normally (and for captures older than this field). */
  textNotice: SnapshotTextNoticeSchema.nullable(),
  /** For an image: its text was read with OCR (languages, mean confidence, image size); null otherwise. */
  ocr: SnapshotOcrSchema.nullable(),
  /** Set when the snapshot is an MHTML page or a page from a web archive; null otherwise. */
  archive: SnapshotArchiveSchema.nullable(),
  hashCheck: SnapshotHashCheckSchema,
  /** Quotes (live or in the trash) cut from this capture; a capture with any cannot be removed. */
  quoteCount: z.number().int(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;

/** A snapshot's extracted text, which is what is shown (inert) and quoted from. */
export const SnapshotTextSchema = SnapshotInfoSchema.extend({
  text: z.string(),
  /** Code-point offset where each PDF page starts; null for HTML and text. */
  pageOffsets: z.array(z.number().int()).nullable(),
});
export type SnapshotText = z.infer<typeof SnapshotTextSchema>;

/** The 1-based page a character offset falls on, given page start offsets. */
export function pageAt(pageOffsets: readonly number[], offset: number): number {
  let page = 1;
  for (let index = 0; index < pageOffsets.length; index += 1) {
    if ((pageOffsets[index] ?? 0) <= offset) page = index + 1;
  }
  return page;
}
