import { z } from 'zod';
import { LastPlaceSchema } from '../../domain/place';
import { query } from '../define';
import { Empty } from './shared';

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

/** The host part of the contract. */
export const HOST_OPERATIONS = {
  'host.info': query('What the host can do and which workspace is open.', Empty, HostInfoSchema, { epochFree: true }),
} as const;
