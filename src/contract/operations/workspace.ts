import { z } from 'zod';
import { LastPlaceSchema } from '../../domain/place';
import { command, job, query, type OperationPolicy } from '../define';
import { DeliverySchema } from '../file-ref';
import { Empty } from './shared';

export const RecentWorkspaceSchema = z.object({ name: z.string(), path: z.string() });
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>;

/** Whether the host switched workspaces (false when the user cancelled its dialog). */
const SwitchResultSchema = z.object({ switched: z.boolean() });

/**
 * Switching writes nothing of the open workspace (so it works read-only and when that file is
 * gone), and the page that switched adopts the new workspace's epoch.
 */
const SWITCHES: OperationPolicy = { writes: 'none', changesEpoch: true };

/** Opening, creating and switching workspaces. */
export const WORKSPACE_OPERATIONS = {
  'workspace.rememberPlace': command(
    'Remember the view and the caret the analyst is at, so the next start opens there.',
    LastPlaceSchema,
    Empty,
    { unseen: true },
  ),
  'workspace.recent': query('Recently opened workspaces, newest first.', Empty, z.object({ items: z.array(RecentWorkspaceSchema) })),
  'workspace.create': command(
    'Create a workspace where the user picks in a native dialog, and switch to it.',
    Empty,
    SwitchResultSchema,
    SWITCHES,
  ),
  'workspace.open': command('Open a workspace the user picks in a native dialog.', Empty, SwitchResultSchema, SWITCHES),
  'workspace.openSample': command(
    'Open the sample workspace beside the current one (“Warrant sample.warrant” in its folder), building it first when that file does not exist yet.',
    Empty,
    SwitchResultSchema,
    SWITCHES,
  ),
  'workspace.openCleanedCopy': command(
    'After a workspace was refused for holding triggers, views or tables Warrant did not create: write a copy beside it without them (the refused file is never changed) and switch to the copy.',
    Empty,
    z.object({ switched: z.boolean(), name: z.string() }),
    SWITCHES,
  ),
  'workspace.openRecent': command(
    'Open one of the recent workspaces, by its place in the list.',
    z.object({ index: z.number().int().min(0).max(49) }).strict(),
    SwitchResultSchema,
    SWITCHES,
  ),
} as const;

/** Jobs on the open workspace file as a whole. */
export const WORKSPACE_JOBS = {
  'workspace.saveCopy': job(
    'Write a consistent copy of the open workspace (a download, or where the user picks in a native dialog).',
    Empty,
    DeliverySchema,
  ),
} as const;
