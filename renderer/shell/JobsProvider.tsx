import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ContractError } from '../../src/contract/client';
import type { JobEvent, JobSnapshot } from '../../src/contract/job-events';
import type { JobInputOf, JobName, JobResultOf } from '../../src/contract/operations';
import { JOB_LABELS } from '../../src/contract/handlers';
import { useClient } from '../app/useClient';
import { invalidateAfter } from '../data/invalidation';

export interface JobView extends JobSnapshot {
  label: string;
}

export interface JobsApi {
  jobs: readonly JobView[];
  /** Starts a job and resolves with its result; rejects with a ContractError (code `cancelled` when cancelled). */
  run<J extends JobName>(name: J, input: JobInputOf<J>): Promise<JobResultOf<J>>;
  cancel(jobId: string): void;
}

export const JobsContext = createContext<JobsApi | null>(null);

/** A missed event is recovered by asking the host; this is how often. */
const POLL_MS = 1000;

/** Folds one event into the list: jobs appear when started (here or from the menu) and leave when they end. */
function apply(all: Record<string, JobView>, event: JobEvent): Record<string, JobView> {
  const current = all[event.jobId];
  switch (event.type) {
    case 'started':
      return current
        ? all
        : { ...all, [event.jobId]: { jobId: event.jobId, status: 'running', done: 0, total: 0, message: '', label: event.label } };
    case 'progress':
      return current ? { ...all, [event.jobId]: { ...current, done: event.done, total: event.total, message: event.message } } : all;
    default: {
      const { [event.jobId]: _ended, ...rest } = all;
      return rest;
    }
  }
}

/** Tracks running jobs from their events (and by polling, should an event be missed). */
export function JobsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [jobs, setJobs] = useState<Record<string, JobView>>({});

  useEffect(() => client.onJobEvent((event) => setJobs((all) => apply(all, event))), [client]);

  const run = useCallback(
    async <J extends JobName>(name: J, input: JobInputOf<J>): Promise<JobResultOf<J>> => {
      const jobId = await client.startJob(name, input);
      setJobs((all) => ({
        ...all,
        [jobId]: all[jobId] ?? { jobId, status: 'running', done: 0, total: 0, message: '', label: JOB_LABELS[name] },
      }));
      try {
        for (;;) {
          await new Promise((wake) => window.setTimeout(wake, POLL_MS / 4));
          const snapshot = await client.call('jobs.get', { jobId });
          if (snapshot.status === 'running') setJobs((all) => ({ ...all, [jobId]: { ...snapshot, label: JOB_LABELS[name] } }));
          if (snapshot.status === 'succeeded') {
            // What the job wrote is read again (the invalidation table), so no view reloads by hand.
            await invalidateAfter(queryClient, name);
            return snapshot.result as JobResultOf<J>;
          }
          if (snapshot.status === 'failed') throw new ContractError(snapshot.error ?? { code: 'internal', message: 'The job failed.' });
          if (snapshot.status === 'cancelled') throw new ContractError({ code: 'cancelled', message: `${JOB_LABELS[name]}: cancelled.` });
          await new Promise((wake) => window.setTimeout(wake, POLL_MS));
        }
      } finally {
        setJobs(({ [jobId]: _finished, ...rest }) => rest);
      }
    },
    [client, queryClient],
  );

  const cancel = useCallback((jobId: string) => void client.call('jobs.cancel', { jobId }).catch(() => undefined), [client]);
  const value = useMemo<JobsApi>(() => ({ jobs: Object.values(jobs), run, cancel }), [jobs, run, cancel]);
  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}
