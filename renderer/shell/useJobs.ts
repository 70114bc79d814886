import { useContext } from 'react';
import { JobsContext, type JobsApi } from './JobsProvider';

/** Running jobs, and a way to start one and await its result. */
export function useJobs(): JobsApi {
  const api = useContext(JobsContext);
  if (!api) throw new Error('useJobs must be used inside <JobsProvider>.');
  return api;
}
