import { z } from 'zod';
import { RecordId } from '../../domain/fields';
import { ArchivePageListSchema, SnapshotImageSchema, SnapshotInfoSchema, SnapshotTextSchema } from '../../domain/snapshot';
import { OcrLanguageSchema, OcrWordSchema } from '../../snapshot/ocr';
import { command, job, query } from '../define';

/** One capture of a source: the one named, or the source's current (latest) capture when left out. */
const CaptureRef = z.object({ sourceId: RecordId, snapshotId: RecordId.optional() }).strict();

/** A source’s snapshots (captures): their captured files and extracted text. */
export const SNAPSHOTS_OPERATIONS = {
  'snapshots.list': query(
    'Every capture of a source, newest (current) first, with capture time, format, size, hash check and how many quotes were cut from it.',
    z.object({ sourceId: RecordId }).strict(),
    z.object({ items: z.array(SnapshotInfoSchema) }),
  ),
  'snapshots.text': query(
    'The extracted text of one capture of a source (the current one by default), to show and quote from.',
    CaptureRef,
    SnapshotTextSchema,
  ),
  'snapshots.images': query(
    'The images kept with a source’s MHTML snapshot (stored parts only; nothing is fetched).',
    CaptureRef,
    z.object({ items: z.array(SnapshotImageSchema) }),
  ),
  'snapshots.archivePages': query(
    'The captured HTML pages (address and capture time) of an uploaded WARC or WACZ, to pick the one to keep; the upload stays waiting.',
    z.object({ uploadId: z.string().min(1).max(64) }).strict(),
    ArchivePageListSchema,
  ),
  'snapshots.image': query(
    'An image snapshot’s bytes (base64) and type, shown beside the text read from it.',
    CaptureRef,
    z.object({ mediaType: z.string(), base64: z.string() }),
  ),
  'snapshots.pdf': query(
    'A PDF capture’s bytes (base64), shown as pages to quote from where the analyst reads.',
    CaptureRef,
    z.object({ base64: z.string() }),
  ),
  'snapshots.ocrWords': query(
    'Where each word read with OCR stands in an image capture’s text (code points) and in the image (pixels), to select over the image.',
    CaptureRef,
    z.object({ words: z.array(OcrWordSchema) }),
  ),
  'snapshots.remove': command(
    'Remove one capture of a source (the current one by default); refused while quotes were cut from it.',
    CaptureRef,
    z.object({ removed: z.literal(true) }),
  ),
} as const;

/** Capturing a snapshot. */
export const SNAPSHOTS_JOBS = {
  'snapshots.attach': job(
    'Capture a file (uploaded first) or pasted text as a new snapshot of a source, which becomes its current capture; its text is extracted (an image’s, and a PDF’s pages without a text layer, with OCR).',
    z.union([
      z
        .object({
          sourceId: RecordId,
          uploadId: z.string().min(1).max(64),
          /** For a WARC or WACZ: the captured page to keep, from `snapshots.archivePages`. */
          pageId: z.string().min(1).max(64).optional(),
          /** For an image or a PDF's pages with no text layer: the language of its text, read with OCR (English when left out). */
          ocrLanguage: OcrLanguageSchema.optional(),
        })
        .strict(),
      z.object({ sourceId: RecordId, pastedText: z.string().min(1, 'Paste some text first.') }).strict(),
    ]),
    SnapshotInfoSchema,
    { writes: 'workspace' },
  ),
  'snapshots.readWithOcr': job(
    'Read a stored scanned PDF or image whose text could not be read with OCR, replacing its empty reading (same bytes, hash and capture time); refused if quotes point into its text.',
    z.object({ sourceId: RecordId, ocrLanguage: OcrLanguageSchema }).strict(),
    SnapshotInfoSchema,
    { writes: 'workspace' },
  ),
} as const;
