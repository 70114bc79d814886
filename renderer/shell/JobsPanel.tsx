import { useJobs } from './useJobs';

/** A progress bar with Cancel for every running job. */
export function JobsPanel() {
  const { jobs, cancel } = useJobs();
  if (jobs.length === 0) return null;
  return (
    <section className="jobs" aria-label="Running tasks">
      {jobs.map((job) => (
        <div key={job.jobId} className="job">
          <span id={`job-label-${job.jobId}`}>{job.label}</span>
          <progress aria-labelledby={`job-label-${job.jobId}`} max={job.total || 1} value={job.total ? job.done : undefined} />
          <button type="button" onClick={() => cancel(job.jobId)} aria-label={`Cancel: ${job.label}`}>
            Cancel
          </button>
        </div>
      ))}
    </section>
  );
}
