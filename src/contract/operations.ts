import type { z } from 'zod';
import { ACH_OPERATIONS } from './operations/ach';
import { ASSUMPTIONS_OPERATIONS } from './operations/assumptions';
import { BACKUPS_JOBS, BACKUPS_OPERATIONS } from './operations/backups';
import { BRIEFING_OPERATIONS } from './operations/briefings';
import { BRIEFING_SHARING_OPERATIONS } from './operations/briefing-sharing';
import { COMMENTS_OPERATIONS } from './operations/comments';
import { EXPORT_JOBS, EXPORT_OPERATIONS } from './operations/export';
import { HOST_OPERATIONS } from './operations/host';
import { INDICATOR_OPERATIONS } from './operations/indicators';
import { JOBS_OPERATIONS } from './operations/jobs';
import { JUDGEMENT_OPERATIONS } from './operations/judgements';
import { LIBRARY_JOBS, LIBRARY_OPERATIONS } from './operations/library';
import { QUOTES_OPERATIONS } from './operations/quotes';
import { SEARCH_OPERATIONS } from './operations/search';
import { SETTINGS_OPERATIONS } from './operations/settings';
import { SNAPSHOTS_JOBS, SNAPSHOTS_OPERATIONS } from './operations/snapshots';
import { SOURCES_OPERATIONS } from './operations/sources';
import { TAGS_OPERATIONS } from './operations/tags';
import { TEAM_OPERATIONS } from './operations/team';
import { TRASH_OPERATIONS } from './operations/trash';
import { WORKSPACE_JOBS, WORKSPACE_OPERATIONS } from './operations/workspace';

export { HostInfoSchema, type HostInfo } from './operations/host';
export { RecentWorkspaceSchema, type RecentWorkspace } from './operations/workspace';

/**
 * The contract: every request/response operation Warrant's hosts expose, declared once, one file
 * per domain in `./operations/` (the handlers sit in the `main/handlers/` file of the same name).
 * The renderer's client, the browser host's routes and the desktop preload all derive from it.
 */
export const operations = {
  ...HOST_OPERATIONS,
  ...WORKSPACE_OPERATIONS,
  ...SETTINGS_OPERATIONS,
  ...SOURCES_OPERATIONS,
  ...SNAPSHOTS_OPERATIONS,
  ...QUOTES_OPERATIONS,
  ...TAGS_OPERATIONS,
  ...SEARCH_OPERATIONS,
  ...BRIEFING_OPERATIONS,
  ...BRIEFING_SHARING_OPERATIONS,
  ...JUDGEMENT_OPERATIONS,
  ...ACH_OPERATIONS,
  ...COMMENTS_OPERATIONS,
  ...INDICATOR_OPERATIONS,
  ...ASSUMPTIONS_OPERATIONS,
  ...TRASH_OPERATIONS,
  ...LIBRARY_OPERATIONS,
  ...BACKUPS_OPERATIONS,
  ...EXPORT_OPERATIONS,
  ...JOBS_OPERATIONS,
  ...TEAM_OPERATIONS,
} as const;

/** Long-running operations: start → job id, progress events, cancel, result. */
export const jobs = {
  ...SNAPSHOTS_JOBS,
  ...WORKSPACE_JOBS,
  ...LIBRARY_JOBS,
  ...BACKUPS_JOBS,
  ...EXPORT_JOBS,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type Jobs = typeof jobs;
export type JobName = keyof Jobs;

/** What a caller passes (before defaults are applied). */
export type InputOf<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInputOf<N extends OperationName> = z.output<Operations[N]['input']>;
export type OutputOf<N extends OperationName> = z.output<Operations[N]['output']>;

export type JobInputOf<J extends JobName> = z.input<Jobs[J]['input']>;
export type ParsedJobInputOf<J extends JobName> = z.output<Jobs[J]['input']>;
export type JobResultOf<J extends JobName> = z.output<Jobs[J]['result']>;

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(jobs, name);
}
