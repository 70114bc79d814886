import { WarrantError } from '../../src/contract/errors';
import type { JOBS_OPERATIONS } from '../../src/contract/operations/jobs';
import type { DomainHandlers, HandlerContext } from './context';

/** Watching and cancelling long-running jobs. */
export function jobsHandlers({ jobManager }: HandlerContext): DomainHandlers<typeof JOBS_OPERATIONS> {
  return {
    handlers: {
      'jobs.get': ({ jobId }) => {
        const snapshot = jobManager.snapshot(jobId);
        if (!snapshot) throw new WarrantError('not_found', 'That job is not known (it may have finished long ago).');
        return snapshot;
      },
      'jobs.cancel': ({ jobId }) => ({ cancelling: jobManager.cancel(jobId) }),
    },
    jobHandlers: {},
  };
}
