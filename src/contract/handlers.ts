import type { JobControl } from './job-manager';
import type { JobName, JobResultOf, OperationName, OutputOf, ParsedInputOf, ParsedJobInputOf } from './operations';

/** One function per operation; a missing or mistyped entry fails the type-check. */
export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>;
};

/** One function per job; it reports progress and honours cancellation through `control`. */
export type JobHandlers = {
  [J in JobName]: (input: ParsedJobInputOf<J>, control: JobControl) => Promise<JobResultOf<J>>;
};

/** How a job is labelled in the UI's progress area. */
export const JOB_LABELS: Readonly<Record<JobName, string>> = {
  'workspace.saveCopy': 'Saving a copy of the workspace',
  'snapshots.attach': 'Capturing the snapshot',
  'snapshots.readWithOcr': 'Reading the snapshot with OCR',
  'library.importPreview': 'Reading the import file',
  'library.importCommit': 'Importing sources',
  'library.export': 'Exporting the library',
  'backups.create': 'Backing up the workspace',
  'briefings.export': 'Exporting the briefing',
};
