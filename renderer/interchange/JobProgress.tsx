import { JOB_LABELS } from '../../src/contract/handlers';
import type { JobName } from '../../src/contract/operations';
import { useJobs } from '../shell/useJobs';

/**
 * Progress and Cancel for a job, shown inside a dialog: a modal dialog makes the app's own jobs
 * panel unreachable while it is open.
 */
export function JobProgress({ name }: { name: JobName }) {
  const { jobs, cancel } = useJobs();
  const job = jobs.find((candidate) => candidate.label === JOB_LABELS[name]);
  const label = JOB_LABELS[name];
  return (
    <div className="interchange-progress" role="status">
      <span id={`progress-${name}`}>{job?.message || label}…</span>
      <progress aria-labelledby={`progress-${name}`} max={job?.total || 1} value={job?.total ? job.done : undefined} />
      <button type="button" disabled={!job} onClick={() => job && cancel(job.jobId)}>
        Cancel
      </button>
    </div>
  );
}
