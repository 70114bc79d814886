import { WarrantError } from '../src/contract/errors';
import type { Delivery } from '../src/contract/file-ref';
import type { Handlers, JobHandlers } from '../src/contract/handlers';
import type { JobControl, JobManager } from '../src/contract/job-manager';
import type { Workspace } from '../db/workspace';
import type { DownloadStore } from './downloads';
import { judgementsFrom, tradecraftFrom } from './export/briefing-checks';
import { createExportHandlers } from './export/handlers';
import type { PdfPrinter } from './export/pdf-printer';
import { createInterchangeHandlers } from './interchange/handlers';
import { briefingHandlers } from './briefing-handlers';
import { judgementHandlers } from './judgement-handlers';
import { createBackupHandlers } from './backup-handlers';
import { ForeignSchemaRefusals } from './cleaned-copy';
import { ensureSampleBeside } from './sample-workspace-file';
import type { UploadStore } from './uploads';
import { guardStorage } from './storage-guard';
import type { WorkspaceSession } from './workspace-session';

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
}

function requireDialogs(host: HostServices): NativeDialogs {
  if (!host.dialogs)
    throw new WarrantError(
      'unsupported',
      'Opening and creating workspaces needs the desktop app. In the browser, restart Warrant with --workspace PATH.',
    );
  return host.dialogs;
}

/** Wires every contract operation and job to the session's open workspace. */
export function createHandlers(
  session: WorkspaceSession,
  jobManager: JobManager,
  host: HostServices,
  uploads: UploadStore,
  /** Where exports are put for the renderer to fetch; hosts pass theirs (older callers may not). */
  downloads?: DownloadStore,
): { handlers: Handlers; jobHandlers: JobHandlers } {
  const ws = (): Workspace => session.current;
  const refusals = new ForeignSchemaRefusals();
  const interchange = createInterchangeHandlers(ws, uploads, downloads);
  const switchTo = async (pick: () => Promise<string | null>, create: boolean): Promise<{ switched: boolean }> => {
    const path = await pick();
    if (path === null) return { switched: false };
    refusals.opening(path, () => session.switchTo(path, create));
    return { switched: true };
  };
  const backups = createBackupHandlers(session, host.backupIntervalMs);
  const pickExportPath = host.dialogs?.pickExportPath?.bind(host.dialogs) ?? null;
  const exports = createExportHandlers(
    ws,
    {
      appVersion: host.appVersion,
      printer: host.pdfPrinter ?? null,
      pickExportPath,
      loadJudgements: judgementsFrom(ws),
      loadProblems: tradecraftFrom(ws),
    },
    downloads,
  );

  const handlers: Handlers = {
    'host.info': () => ({
      appVersion: host.appVersion,
      capabilities: { nativeDialogs: host.dialogs !== null },
      workspace: { name: ws().name, path: ws().path, epoch: session.epoch, readOnly: session.readOnly },
      lastPlace: ws().lastPlace.get(),
    }),
    'workspace.rememberPlace': (place) => {
      ws().lastPlace.set(place);
      return {};
    },
    'workspace.recent': () => ({ items: session.recentWorkspaces?.list() ?? [] }),
    'workspace.create': () => switchTo(() => requireDialogs(host).pickNewWorkspacePath(), true),
    'workspace.open': () => switchTo(() => requireDialogs(host).pickWorkspaceToOpen(), false),
    'workspace.openSample': () => switchTo(async () => ensureSampleBeside(ws().path, session.nativeBinding), false),
    'workspace.openCleanedCopy': () => refusals.openCleanedCopy(session),
    'workspace.openRecent': ({ index }) => {
      requireDialogs(host);
      const path = session.recentWorkspaces?.paths()[index];
      if (path === undefined) throw new WarrantError('not_found', 'That workspace is no longer in the recent list.');
      return switchTo(async () => path, false);
    },
    'settings.get': () => ws().settings.get(),
    'settings.update': ({ version, ...patch }) => ws().settings.update(patch, version),
    'sources.list': (query) => ws().sources.list(query),
    'sources.get': ({ id }) => ws().sources.get(id),
    'sources.create': ({ draft }) => ws().sources.create(draft),
    'sources.update': ({ id, version, draft }) => ws().sources.update(id, draft, version),
    'sources.delete': ({ id }) => ({ id, deletedAt: ws().sources.trash(id) }),
    'sources.detail': ({ id }) => {
      const source = ws().sources.get(id);
      // Shown with its hash re-checked (once per open workspace), so an altered snapshot says so.
      const snapshot = source.hasSnapshot ? ws().snapshots.checkedInfo(id) : null;
      return {
        source,
        snapshot,
        ...ws().derivations.linksOf(id),
        quoteCount: ws().quotes.list({ sourceId: id, limit: 1, offset: 0 }).total,
      };
    },
    'sources.link': ({ sourceId, originId }) => {
      ws().derivations.link(sourceId, originId);
      return { linked: true as const };
    },
    'sources.unlink': ({ sourceId, originId }) => {
      ws().derivations.unlink(sourceId, originId);
      return { unlinked: true as const };
    },
    'snapshots.text': ({ sourceId }) => ws().snapshots.text(sourceId),
    'snapshots.remove': ({ sourceId }) => {
      ws().snapshots.remove(sourceId);
      return { removed: true as const };
    },
    'quotes.list': (query) => {
      // A source's quotes are listed beside it: its snapshot is checked first, whichever call lands first.
      if (query.sourceId !== undefined) ws().snapshots.ensureChecked(query.sourceId);
      return ws().quotes.list(query);
    },
    'quotes.get': ({ id }) => ws().quotes.get(id),
    'quotes.create': ({ draft }) => ws().quotes.create(draft),
    'quotes.update': ({ id, version, draft }) => ws().quotes.update(id, draft, version),
    'quotes.delete': ({ id }) => ({ id, deletedAt: ws().quotes.trash(id) }),
    'tags.list': () => ({ items: ws().tags.list() }),
    'tags.create': ({ path, color }) => ws().tags.create(path, color ?? null),
    'tags.update': ({ id, version, path, color }) => ws().tags.rename(id, path, color ?? null, version),
    'tags.merge': ({ sourceId, targetId }) => ws().tags.merge(sourceId, targetId),
    'tags.usage': ({ id }) => ws().tags.usage(id),
    'tags.delete': ({ id }) => {
      ws().tags.delete(id);
      return { deleted: true as const };
    },
    'tags.apply': ({ tagIds, items, remove }) => ({ changed: ws().tags.apply(tagIds, items, remove) }),
    'search.query': ({ text, filter, limit }) => ({
      ...ws().search.search(text, filter, limit),
      briefings: ws().briefingSearch.search(text, limit),
    }),
    ...briefingHandlers(ws, uploads),
    ...judgementHandlers(ws),
    'trash.list': () => ({ items: ws().trash.list() }),
    'trash.restore': (ref) => {
      ws().trash.restore(ref);
      return { restored: true as const };
    },
    'trash.empty': () => ({ removed: ws().trash.empty() }),
    ...interchange.handlers,
    'jobs.get': ({ jobId }) => {
      const snapshot = jobManager.snapshot(jobId);
      if (!snapshot) throw new WarrantError('not_found', 'That job is not known (it may have finished long ago).');
      return snapshot;
    },
    'jobs.cancel': ({ jobId }) => ({ cancelling: jobManager.cancel(jobId) }),
    ...backups.handlers,
    ...exports.handlers,
  };
  const jobHandlers: JobHandlers = {
    ...interchange.jobHandlers,
    ...backups.jobHandlers,
    ...exports.jobHandlers,
    'workspace.saveCopy': (_input, control) => host.deliverCopy(ws(), control),
    'snapshots.attach': async (input, control) => {
      const workspace = ws();
      if (!workspace.sources.exists(input.sourceId)) throw new WarrantError('not_found', 'That source no longer exists.');
      control.progress(0, 0, 'Reading the file');
      // Loaded on the first snapshot rather than at start: the HTML parser and pdf.js behind it
      // are not needed to serve the first page.
      const { extractPastedText, extractSnapshot } = await import('./snapshot/extract');
      const captured =
        'uploadId' in input
          ? await (async () => {
              const upload = uploads.take(input.uploadId);
              return { ...(await extractSnapshot(upload.bytes, upload.name)), bytes: upload.bytes, fileName: upload.name };
            })()
          : { ...extractPastedText(input.pastedText), fileName: 'Pasted text.txt' };
      control.throwIfCancelled();
      control.progress(1, 1, 'Storing the snapshot');
      return workspace.snapshots.attach(input.sourceId, {
        fileName: captured.fileName,
        mediaType: captured.mediaType,
        bytes: captured.bytes,
        text: captured.text,
        pageOffsets: captured.pageOffsets,
        encoding: captured.encoding,
        textNotice: captured.textNotice,
      });
    },
  };
  return guardStorage(session, handlers, jobHandlers);
}
