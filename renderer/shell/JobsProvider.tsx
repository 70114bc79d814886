import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ContractError } from '../../src/contract/client';
import type { JobEvent, JobSnapshot } from '../../src/contract/job-events';
import type { JobInputOf, JobName, JobResultOf } from '../../src/contract/operations';
import { JOB_LABELS } from '../../src/contract/handlers';
import { useClient } from '../app/useClient';

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

function apply(snapshot: JobSnapshot | undefined, event: JobEvent): JobSnapshot | undefined {
  if (!snapshot) return snapshot;
  switch (event.type) {
    case 'progress':
      return { ...snapshot, done: event.done, total: event.total, message: event.message };
    case 'succeeded':
      return { ...snapshot, status: 'succeeded', result: event.result };
    case 'failed':
      return { ...snapshot, status: 'failed', error: event.error };
    case 'cancelled':
      return { ...snapshot, status: 'cancelled' };
    default:
      return snapshot;
  }
}

/** Tracks running jobs from their events (and by polling, should an event be missed). */
export function JobsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [jobs, setJobs] = useState<Record<string, JobView>>({});

  useEffect(
    () =>
      client.onJobEvent((event) =>
        setJobs((all) => {
          const next = apply(all[event.jobId], event);
          return next ? { ...all, [event.jobId]: { ...all[event.jobId], ...next } as JobView } : all;
        }),
      ),
    [client],
  );

  const run = useCallback(
    async <J extends JobName>(name: J, input: JobInputOf<J>): Promise<JobResultOf<J>> => {
      const jobId = await client.startJob(name, input);
      setJobs((all) => ({ ...all, [jobId]: all[jobId] ?? { jobId, status: 'running', done: 0, total: 0, message: '', label: JOB_LABELS[name] } }));
      try {
        for (;;) {
          await new Promise((wake) => window.setTimeout(wake, POLL_MS / 4));
          const snapshot = await client.call('jobs.get', { jobId });
          setJobs((all) => ({ ...all, [jobId]: { ...snapshot, label: JOB_LABELS[name] } }));
          if (snapshot.status === 'succeeded') return snapshot.result as JobResultOf<J>;
          if (snapshot.status === 'failed') throw new ContractError(snapshot.error ?? { code: 'internal', message: 'The job failed.' });
          if (snapshot.status === 'cancelled') throw new ContractError({ code: 'cancelled', message: `${JOB_LABELS[name]}: cancelled.` });
          await new Promise((wake) => window.setTimeout(wake, POLL_MS));
        }
      } finally {
        setJobs(({ [jobId]: _finished, ...rest }) => rest);
      }
    },
    [client],
  );

  const cancel = useCallback((jobId: string) => void client.call('jobs.cancel', { jobId }).catch(() => undefined), [client]);
  const value = useMemo<JobsApi>(() => ({ jobs: Object.values(jobs), run, cancel }), [jobs, run, cancel]);
  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}
