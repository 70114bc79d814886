import { z } from 'zod';
import { SnapshotOcrSchema } from '../snapshot/ocr';
import { Timestamp } from './fields';

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

export const SnapshotInfoSchema = z.object({
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
  hashCheck: SnapshotHashCheckSchema,
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
