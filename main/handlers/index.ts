import type { Handlers, JobHandlers } from '../../src/contract/handlers';
import type { JobManager } from '../../src/contract/job-manager';
import type { DownloadStore } from '../downloads';
import { guardStorage } from '../storage-guard';
import type { UploadStore } from '../uploads';
import type { WorkspaceSession } from '../workspace-session';
import { achHandlers } from './ach';
import { commentsHandlers } from './comments';
import { indicatorsHandlers } from './indicators';
import { assumptionsHandlers } from './assumptions';
import { backupsHandlers } from './backups';
import { briefingsHandlers } from './briefings';
import { briefingSharingHandlers } from './briefing-sharing';
import type { HandlerContext, HostServices } from './context';
import { exportHandlers } from './export';
import { hostHandlers } from './host';
import { jobsHandlers } from './jobs';
import { judgementsHandlers } from './judgements';
import { libraryHandlers } from './library';
import { quotesHandlers } from './quotes';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { snapshotsHandlers } from './snapshots';
import { sourcesHandlers } from './sources';
import { tagsHandlers } from './tags';
import { teamHandlers } from './team';
import { TeamLibraryBinding } from '../team-client/team-library-binding';
import { bindTeamWrites } from '../team-client/team-writes';
import { trashHandlers } from './trash';
import { workspaceHandlers } from './workspace';

export type { HostServices, NativeDialogs } from './context';

/**
 * Wires every contract operation and job to the session's open workspace: one file per domain,
 * named like its contract file in `src/contract/operations/`. The two tables below are typed
 * `Handlers` and `JobHandlers`, so a domain left out fails the type-check.
 */
export function createHandlers(
  session: WorkspaceSession,
  jobManager: JobManager,
  host: HostServices,
  uploads: UploadStore,
  /** Where exports are put for the renderer to fetch; hosts pass theirs (older callers may not). */
  downloads?: DownloadStore,
): { handlers: Handlers; jobHandlers: JobHandlers } {
  const teamLibrary = new TeamLibraryBinding(
    () => host.team?.hub() ?? null,
    () => session.current,
  );
  // A workspace joined in an earlier run: its library follows the team from the start, not from the page's first call.
  void host.team
    ?.resume()
    .then(() => teamLibrary.active())
    .catch(() => undefined);
  const context: HandlerContext = { session, ws: () => session.current, jobManager, host, uploads, downloads, teamLibrary };
  const hostInfo = hostHandlers(context);
  const workspace = workspaceHandlers(context);
  const settings = settingsHandlers(context);
  const sources = sourcesHandlers(context);
  const snapshots = snapshotsHandlers(context);
  const quotes = quotesHandlers(context);
  const tags = tagsHandlers(context);
  const search = searchHandlers(context);
  const briefings = briefingsHandlers(context);
  const briefingSharing = briefingSharingHandlers(context);
  const judgements = judgementsHandlers(context);
  const ach = achHandlers(context);
  const comments = commentsHandlers(context);
  const indicators = indicatorsHandlers(context);
  const assumptions = assumptionsHandlers(context);
  const trash = trashHandlers(context);
  const library = libraryHandlers(context);
  const backups = backupsHandlers(context);
  const exports = exportHandlers(context);
  const jobs = jobsHandlers(context);
  const team = teamHandlers(context);

  const handlers: Handlers = {
    ...hostInfo.handlers,
    ...workspace.handlers,
    ...settings.handlers,
    ...sources.handlers,
    ...snapshots.handlers,
    ...quotes.handlers,
    ...tags.handlers,
    ...search.handlers,
    ...briefings.handlers,
    ...briefingSharing.handlers,
    ...judgements.handlers,
    ...ach.handlers,
    ...comments.handlers,
    ...indicators.handlers,
    ...assumptions.handlers,
    ...trash.handlers,
    ...library.handlers,
    ...backups.handlers,
    ...exports.handlers,
    ...jobs.handlers,
    ...team.handlers,
  };
  const jobHandlers: JobHandlers = {
    ...workspace.jobHandlers,
    ...snapshots.jobHandlers,
    ...library.jobHandlers,
    ...backups.jobHandlers,
    ...exports.jobHandlers,
  };
  // In a team workspace, writes become document changes (main/team-client/team-writes.ts).
  const teamed = bindTeamWrites(handlers, jobHandlers, () => teamLibrary.active());
  return guardStorage(session, teamed.handlers, teamed.jobHandlers);
}
