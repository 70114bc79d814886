import { z } from 'zod';
import { query } from '../define';
import { JobSnapshotSchema } from '../job-events';

/** Watching and cancelling long-running jobs. */
export const JOBS_OPERATIONS = {
  'jobs.get': query('The latest state of a job.', z.object({ jobId: z.string().min(1).max(64) }).strict(), JobSnapshotSchema, {
    epochFree: true,
  }),
  'jobs.cancel': query(
    'Ask a running job to stop.',
    z.object({ jobId: z.string().min(1).max(64) }).strict(),
    z.object({ cancelling: z.boolean() }),
    { epochFree: true },
  ),
} as const;
