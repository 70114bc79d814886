import { z } from 'zod';
import { ErrorPayloadSchema } from './errors';

/** Progress and completion of a long-running job, pushed from host to renderer. */
export const JobEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), jobId: z.string(), name: z.string(), label: z.string() }),
  z.object({
    type: z.literal('progress'),
    jobId: z.string(),
    /** Units done so far out of `total`; `total` 0 means the size is not known yet. */
    done: z.number().min(0),
    total: z.number().min(0),
    message: z.string(),
  }),
  z.object({ type: z.literal('succeeded'), jobId: z.string(), result: z.unknown() }),
  z.object({ type: z.literal('failed'), jobId: z.string(), error: ErrorPayloadSchema }),
  z.object({ type: z.literal('cancelled'), jobId: z.string() }),
]);
export type JobEvent = z.infer<typeof JobEventSchema>;

/** The latest known state of a job, for clients that missed its events. */
export const JobSnapshotSchema = z.object({
  jobId: z.string(),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  done: z.number().min(0),
  total: z.number().min(0),
  message: z.string(),
  result: z.unknown().optional(),
  error: ErrorPayloadSchema.optional(),
});
export type JobSnapshot = z.infer<typeof JobSnapshotSchema>;
