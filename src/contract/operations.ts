import { z } from 'zod';
import { RecordId, Timestamp } from '../domain/fields';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import { SourceDraftSchema, SourceListQuerySchema, SourcePageSchema, SourceSchema } from '../domain/source';
import { TrashItemSchema, TrashRefSchema } from '../domain/trash';
import { command, job, query } from './define';
import { DeliverySchema } from './file-ref';
import { JobSnapshotSchema } from './job-events';

const Empty = z.object({}).strict();

export const HostInfoSchema = z.object({
  appVersion: z.string(),
  capabilities: z.object({
    /** The host can show native open/save dialogs (the desktop app). */
    nativeDialogs: z.boolean(),
  }),
  workspace: z.object({ name: z.string(), path: z.string() }),
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
  'workspace.openRecent': command('Open one of the recent workspaces, by its place in the list.', z.object({ index: z.number().int().min(0).max(49) }).strict(), SwitchResultSchema),

  'settings.get': query('Read the workspace settings.', Empty, SettingsSchema),
  'settings.update': command('Change some workspace settings.', SettingsPatchSchema.strict(), SettingsSchema),

  'sources.list': query('One page of sources, sorted.', SourceListQuerySchema.strict(), SourcePageSchema),
  'sources.get': query('One source by id.', z.object({ id: RecordId }).strict(), SourceSchema),
  'sources.create': command('Create a source (it starts ungraded unless a grade is given).', z.object({ draft: SourceDraftSchema.strict() }).strict(), SourceSchema),
  'sources.update': command(
    'Replace the editable fields of a source.',
    z.object({ id: RecordId, draft: SourceDraftSchema.strict() }).strict(),
    SourceSchema,
  ),
  'sources.delete': command('Move a source to the trash.', z.object({ id: RecordId }).strict(), z.object({ id: RecordId, deletedAt: Timestamp })),

  'trash.list': query('Everything in the trash, newest first.', Empty, z.object({ items: z.array(TrashItemSchema) })),
  'trash.restore': command('Bring an item back from the trash.', TrashRefSchema.strict(), z.object({ restored: z.literal(true) })),
  'trash.empty': command('Delete everything in the trash for good.', Empty, z.object({ removed: z.number().int().min(0) })),

  'jobs.get': query('The latest state of a job.', z.object({ jobId: z.string().min(1).max(64) }).strict(), JobSnapshotSchema),
  'jobs.cancel': query('Ask a running job to stop.', z.object({ jobId: z.string().min(1).max(64) }).strict(), z.object({ cancelling: z.boolean() })),
} as const;

/** Long-running operations: start → job id, progress events, cancel, result. */
export const jobs = {
  'workspace.saveCopy': job(
    'Write a consistent copy of the open workspace (a download, or where the user picks in a native dialog).',
    Empty,
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
