import type { TeamLibraryBinding } from '../team-client/team-library-binding';
import type { TeamService } from '../team-client/team-service';
import type { Workspace } from '../../db/workspace';
import type { Delivery } from '../../src/contract/file-ref';
import type { Handlers, JobHandlers } from '../../src/contract/handlers';
import type { TeamRelayAddress } from '../../src/contract/operations/host';
import type { JobControl, JobManager } from '../../src/contract/job-manager';
import type { JobName, OperationName } from '../../src/contract/operations';
import type { DownloadStore } from '../downloads';
import type { PdfPrinter } from '../export/pdf-printer';
import type { UploadStore } from '../uploads';
import type { WorkspaceSession } from '../workspace-session';

/** Native file dialogs; only the desktop host has them. Each resolves to null when cancelled. */
export interface NativeDialogs {
  pickNewWorkspacePath(): Promise<string | null>;
  pickWorkspaceToOpen(): Promise<string | null>;
  /** Where to save an exported briefing (null when cancelled); without it exports are downloads. */
  pickExportPath?(defaultName: string, extension: string): Promise<string | null>;
}

/** What differs between hosts; everything else is the same wiring of contract to store. */
export interface HostServices {
  readonly appVersion: string;
  readonly dialogs: NativeDialogs | null;
  /** Produces a consistent copy of the workspace and hands it to the user the host's way. */
  deliverCopy(workspace: Workspace, control: JobControl): Promise<Delivery>;
  /** Milliseconds between automatic backups (default ten minutes; 0 turns the timer off). */
  readonly backupIntervalMs?: number;
  /** The PDF engine (Chromium); without one, PDF export is refused with a clear message. */
  readonly pdfPrinter?: PdfPrinter | null;
  /** The team this workspace joined (issue 19); a host without one refuses team calls. */
  readonly team?: TeamService | null;
  /** The team relay's address when the page cannot reach it at its own host (the desktop app); see host.info. */
  readonly teamRelay?: TeamRelayAddress | null;
}

/** What every domain's handlers are built from: the host's services and the session's open workspace. */
export interface HandlerContext {
  readonly session: WorkspaceSession;
  /** The open workspace at the time of the call: the session may switch it between calls. */
  readonly ws: () => Workspace;
  readonly jobManager: JobManager;
  readonly host: HostServices;
  readonly uploads: UploadStore;
  /** Where exports are put for the renderer to fetch; hosts pass theirs (older callers may not). */
  readonly downloads: DownloadStore | undefined;
  /** The open workspace's library as bound to its team's documents (solo: none bound). */
  readonly teamLibrary: TeamLibraryBinding;
}

/**
 * One domain's handlers: exactly the operations `O` and jobs `J` of the contract file of the same
 * name (`src/contract/operations/<domain>.ts`), so a handler in the wrong file fails the type-check.
 */
export interface DomainHandlers<O, J = Record<never, never>> {
  readonly handlers: Pick<Handlers, keyof O & OperationName>;
  readonly jobHandlers: Pick<JobHandlers, keyof J & JobName>;
}
