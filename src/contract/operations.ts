import { z } from 'zod';
import { BackupFileNameSchema, BackupInfoSchema } from '../domain/backup';
import { RecordId, Timestamp } from '../domain/fields';
import { SettingsPatchSchema, StoredSettingsSchema } from '../domain/settings';
import { LastPlaceSchema } from '../domain/place';
import { QuoteDraftSchema, QuoteSchema } from '../domain/quote';
import { SearchWithBriefingsSchema } from '../domain/briefing-search';
import { SearchQuerySchema } from '../domain/search';
import { SnapshotInfoSchema, SnapshotTextSchema } from '../domain/snapshot';
import { SourceDraftSchema, SourceLinkSchema, SourceListQuerySchema, SourcePageSchema, SourceSchema } from '../domain/source';
import { TagColourSchema, TaggableSchema, TagPathSchema, TagSchema } from '../domain/tag';
import { TrashItemSchema, TrashRefSchema } from '../domain/trash';
import { BRIEFING_OPERATIONS } from './briefing-operations';
import { JUDGEMENT_OPERATIONS } from './judgement-operations';
import { command, job, query } from './define';
import { DeliverySchema } from './file-ref';
import { JobSnapshotSchema } from './job-events';
import { ExportInputSchema, ImportCommitInputSchema, ImportPreviewSchema, ImportReportSchema } from '../interchange/schemas';
import { BriefingExportInputSchema, ExportProblemSchema } from '../export/model';

const Empty = z.object({}).strict();
/** The version of a record an edit started from (what the form loaded). */
const EditVersion = z.number({ error: 'Say which version of the record this edit started from.' }).int().min(1);

export const HostInfoSchema = z.object({
  appVersion: z.string(),
  capabilities: z.object({
    /** The host can show native open/save dialogs (the desktop app). */
    nativeDialogs: z.boolean(),
  }),
  workspace: z.object({
    name: z.string(),
    path: z.string(),
    /** Changes whenever the open workspace is restored or switched; every later call carries it. */
    epoch: z.string(),
    /** Opened without the write lock (another Warrant process holds the file): writes are refused. */
    readOnly: z.boolean(),
  }),
  /** Where the analyst last was in this workspace: a start with no address opens there. */
  lastPlace: LastPlaceSchema.nullable(),
});
export type HostInfo = z.infer<typeof HostInfoSchema>;

export const RecentWorkspaceSchema = z.object({ name: z.string(), path: z.string() });
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>;

/** Whether the host switched workspaces (false when the user cancelled its dialog). */
const SwitchResultSchema = z.object({ switched: z.boolean() });

/**
 * The contract: every request/response operation Warrant's hosts expose, declared once.
 * The renderer's client, the browser host's routes and the desktop preload all derive from it.
 */
export const operations = {
  'host.info': query('What the host can do and which workspace is open.', Empty, HostInfoSchema),

  'workspace.recent': query('Recently opened workspaces, newest first.', Empty, z.object({ items: z.array(RecentWorkspaceSchema) })),
  'workspace.create': command('Create a workspace where the user picks in a native dialog, and switch to it.', Empty, SwitchResultSchema),
  'workspace.open': command('Open a workspace the user picks in a native dialog.', Empty, SwitchResultSchema),
  'workspace.openSample': command(
    'Open the sample workspace beside the current one (“Warrant sample.warrant” in its folder), building it first when that file does not exist yet.',
    Empty,
    SwitchResultSchema,
  ),
  'workspace.openCleanedCopy': command(
    'After a workspace was refused for holding triggers, views or tables Warrant did not create: write a copy beside it without them (the refused file is never changed) and switch to the copy.',
    Empty,
    z.object({ switched: z.boolean(), name: z.string() }),
  ),
  'workspace.openRecent': command(
    'Open one of the recent workspaces, by its place in the list.',
    z.object({ index: z.number().int().min(0).max(49) }).strict(),
    SwitchResultSchema,
  ),

  'workspace.rememberPlace': command(
    'Remember the view and the caret the analyst is at, so the next start opens there.',
    LastPlaceSchema,
    Empty,
  ),
  'settings.get': query('Read the workspace settings, with their version.', Empty, StoredSettingsSchema),
  'settings.update': command(
    'Change some workspace settings; with `version` (what a form loaded), a change made elsewhere since is refused as a conflict.',
    SettingsPatchSchema.extend({ version: EditVersion.optional() }).strict(),
    StoredSettingsSchema,
  ),

  'sources.list': query('One page of sources, sorted.', SourceListQuerySchema.strict(), SourcePageSchema),
  'sources.get': query('One source by id.', z.object({ id: RecordId }).strict(), SourceSchema),
  'sources.create': command(
    'Create a source (it starts ungraded unless a grade is given).',
    z.object({ draft: SourceDraftSchema.strict() }).strict(),
    SourceSchema,
  ),
  'sources.update': command(
    'Replace the editable fields of a source, if it is still at `version` (else a conflict carrying the stored source).',
    z.object({ id: RecordId, version: EditVersion, draft: SourceDraftSchema.strict() }).strict(),
    SourceSchema,
  ),
  'sources.delete': command(
    'Move a source to the trash.',
    z.object({ id: RecordId }).strict(),
    z.object({ id: RecordId, deletedAt: Timestamp }),
  ),

  'sources.detail': query(
    'A source with its snapshot details, derived-from links both ways and quote count.',
    z.object({ id: RecordId }).strict(),
    z.object({
      source: SourceSchema,
      snapshot: SnapshotInfoSchema.nullable(),
      derivedFrom: z.array(SourceLinkSchema),
      reportedBy: z.array(SourceLinkSchema),
      quoteCount: z.number().int(),
    }),
  ),
  'sources.link': command(
    'Mark a source as reporting on / derived from another.',
    z.object({ sourceId: RecordId, originId: RecordId }).strict(),
    z.object({ linked: z.literal(true) }),
  ),
  'sources.unlink': command(
    'Remove a derived-from link.',
    z.object({ sourceId: RecordId, originId: RecordId }).strict(),
    z.object({ unlinked: z.literal(true) }),
  ),

  'snapshots.text': query(
    'The extracted text of a source’s snapshot, to show and quote from.',
    z.object({ sourceId: RecordId }).strict(),
    SnapshotTextSchema,
  ),
  'snapshots.remove': command(
    'Remove a source’s snapshot (quotes keep their text).',
    z.object({ sourceId: RecordId }).strict(),
    z.object({ removed: z.literal(true) }),
  ),

  'quotes.list': query(
    'Quotes of one source (in text order) or of the library (newest first), optionally by tag.',
    z
      .object({
        sourceId: RecordId.optional(),
        tagId: RecordId.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ items: z.array(QuoteSchema), total: z.number().int() }),
  ),
  'quotes.get': query('One quote, with its integrity check.', z.object({ id: RecordId }).strict(), QuoteSchema),
  'quotes.create': command(
    'Save a quote, typed or selected in the snapshot.',
    z.object({ draft: QuoteDraftSchema.strict() }).strict(),
    QuoteSchema,
  ),
  'quotes.update': command(
    'Replace the editable fields of a quote, if it is still at `version` (else a conflict carrying the stored quote).',
    z.object({ id: RecordId, version: EditVersion, draft: QuoteDraftSchema.strict() }).strict(),
    QuoteSchema,
  ),
  'quotes.delete': command(
    'Move a quote to the trash.',
    z.object({ id: RecordId }).strict(),
    z.object({ id: RecordId, deletedAt: Timestamp }),
  ),

  'tags.list': query('Every tag with how often it is used.', Empty, z.object({ items: z.array(TagSchema) })),
  'tags.create': command(
    'Create a tag; slashes make a hierarchy (Actor/NATO).',
    z.object({ path: TagPathSchema, color: TagColourSchema.optional() }).strict(),
    TagSchema,
  ),
  'tags.update': command(
    'Rename (children follow) or recolour a tag, if it is still at `version` (else a conflict carrying the stored tag).',
    z.object({ id: RecordId, version: EditVersion, path: TagPathSchema, color: TagColourSchema.optional() }).strict(),
    TagSchema,
  ),
  'tags.merge': command(
    'Fold one tag into another: its items and children move over.',
    z.object({ sourceId: RecordId, targetId: RecordId }).strict(),
    TagSchema,
  ),
  'tags.usage': query(
    'How many live sources and quotes carry a tag.',
    z.object({ id: RecordId }).strict(),
    z.object({ sources: z.number().int(), quotes: z.number().int() }),
  ),
  'tags.delete': command(
    'Delete a tag (items lose it; child tags stay).',
    z.object({ id: RecordId }).strict(),
    z.object({ deleted: z.literal(true) }),
  ),
  'tags.apply': command(
    'Add or remove tags on many sources and quotes at once.',
    z
      .object({
        tagIds: z.array(RecordId).min(1).max(50),
        items: z.array(TaggableSchema).min(1).max(1000),
        remove: z.boolean().default(false),
      })
      .strict(),
    z.object({ changed: z.number().int() }),
  ),

  'search.query': query(
    'Search sources, quotes and briefings as you type, grouped and ranked, with filters.',
    SearchQuerySchema,
    SearchWithBriefingsSchema,
  ),

  ...BRIEFING_OPERATIONS,
  ...JUDGEMENT_OPERATIONS,

  'trash.list': query('Everything in the trash, newest first.', Empty, z.object({ items: z.array(TrashItemSchema) })),
  'trash.restore': command('Bring an item back from the trash.', TrashRefSchema.strict(), z.object({ restored: z.literal(true) })),
  'trash.empty': command('Delete everything in the trash for good.', Empty, z.object({ removed: z.number().int().min(0) })),

  // Library interchange (BibTeX, RIS, CSL-JSON).
  'library.importDiscard': query(
    'Forget a previewed import the user closed without importing.',
    z.object({ importId: z.string().min(1).max(64) }).strict(),
    z.object({ discarded: z.boolean() }),
  ),
  // Rolling backups (issue 9, part 3).
  'backups.list': query(
    'The open workspace’s backups, newest first, with the folder they are in.',
    Empty,
    z.object({ folder: z.string(), items: z.array(BackupInfoSchema) }),
  ),
  'backups.restore': command(
    'Replace the open workspace with one of its listed backups; the current file is kept in the backups folder.',
    z.object({ fileName: BackupFileNameSchema }).strict(),
    z.object({ restored: z.string(), keptAs: z.string() }),
  ),

  // Briefing export (issue 7).
  'briefings.exportProblems': query(
    'What to fix before exporting a briefing: broken citations, word limits and the other checks.',
    z.object({ briefingId: RecordId }).strict(),
    z.object({ problems: z.array(ExportProblemSchema) }),
  ),

  'jobs.get': query('The latest state of a job.', z.object({ jobId: z.string().min(1).max(64) }).strict(), JobSnapshotSchema),
  'jobs.cancel': query(
    'Ask a running job to stop.',
    z.object({ jobId: z.string().min(1).max(64) }).strict(),
    z.object({ cancelling: z.boolean() }),
  ),
} as const;

/** Long-running operations: start → job id, progress events, cancel, result. */
export const jobs = {
  'snapshots.attach': job(
    'Capture a file (uploaded first) or pasted text as a source’s snapshot, extracting its text.',
    z.union([
      z.object({ sourceId: RecordId, uploadId: z.string().min(1).max(64) }).strict(),
      z.object({ sourceId: RecordId, pastedText: z.string().min(1, 'Paste some text first.') }).strict(),
    ]),
    SnapshotInfoSchema,
  ),
  'workspace.saveCopy': job(
    'Write a consistent copy of the open workspace (a download, or where the user picks in a native dialog).',
    Empty,
    DeliverySchema,
  ),
  // Library interchange (BibTeX, RIS, CSL-JSON).
  'library.importPreview': job(
    'Read an uploaded BibTeX, RIS or CSL-JSON file entry by entry and find duplicates; nothing is written yet.',
    z.object({ uploadId: z.string().min(1).max(64) }).strict(),
    ImportPreviewSchema,
  ),
  'library.importCommit': job(
    'Import a previewed file with the user’s duplicate decisions, in one transaction.',
    ImportCommitInputSchema,
    ImportReportSchema,
  ),
  'library.export': job('Export the library or a selection as CSL-JSON or BibTeX (a download).', ExportInputSchema, DeliverySchema),
  'backups.create': job('Back up the open workspace now into its backups folder.', Empty, BackupInfoSchema),
  // Briefing export (issue 7).
  'briefings.export': job(
    'Export a briefing as PDF, DOCX, standalone HTML or Markdown (a download, or where the user picks in a native dialog).',
    BriefingExportInputSchema.strict(),
    DeliverySchema,
  ),
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
