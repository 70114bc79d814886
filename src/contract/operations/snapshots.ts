import { z } from 'zod';
import { RecordId } from '../../domain/fields';
import { SnapshotInfoSchema, SnapshotTextSchema } from '../../domain/snapshot';
import { OcrLanguageSchema } from '../../snapshot/ocr';
import { command, job, query } from '../define';

/** A source’s snapshot: its captured file and extracted text. */
export const SNAPSHOTS_OPERATIONS = {
  'snapshots.text': query(
    'The extracted text of a source’s snapshot, to show and quote from.',
    z.object({ sourceId: RecordId }).strict(),
    SnapshotTextSchema,
  ),
  'snapshots.image': query(
    'An image snapshot’s bytes (base64) and type, shown beside the text read from it.',
    z.object({ sourceId: RecordId }).strict(),
    z.object({ mediaType: z.string(), base64: z.string() }),
  ),
  'snapshots.remove': command(
    'Remove a source’s snapshot (quotes keep their text).',
    z.object({ sourceId: RecordId }).strict(),
    z.object({ removed: z.literal(true) }),
  ),
} as const;

/** Capturing a snapshot. */
export const SNAPSHOTS_JOBS = {
  'snapshots.attach': job(
    'Capture a file (uploaded first) or pasted text as a source’s snapshot, extracting its text (an image’s with OCR).',
    z.union([
      z
        .object({
          sourceId: RecordId,
          uploadId: z.string().min(1).max(64),
          /** For an image: the language of its text, read with OCR (English when left out). */
          ocrLanguage: OcrLanguageSchema.optional(),
        })
        .strict(),
      z.object({ sourceId: RecordId, pastedText: z.string().min(1, 'Paste some text first.') }).strict(),
    ]),
    SnapshotInfoSchema,
    { writes: 'workspace' },
  ),
} as const;
