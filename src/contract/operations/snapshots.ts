import { z } from 'zod';
import { RecordId } from '../../domain/fields';
import { SnapshotInfoSchema, SnapshotTextSchema } from '../../domain/snapshot';
import { command, job, query } from '../define';

/** A source’s snapshot: its captured file and extracted text. */
export const SNAPSHOTS_OPERATIONS = {
  'snapshots.text': query(
    'The extracted text of a source’s snapshot, to show and quote from.',
    z.object({ sourceId: RecordId }).strict(),
    SnapshotTextSchema,
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
    'Capture a file (uploaded first) or pasted text as a source’s snapshot, extracting its text.',
    z.union([
      z.object({ sourceId: RecordId, uploadId: z.string().min(1).max(64) }).strict(),
      z.object({ sourceId: RecordId, pastedText: z.string().min(1, 'Paste some text first.') }).strict(),
    ]),
    SnapshotInfoSchema,
    { writes: 'workspace' },
  ),
} as const;
