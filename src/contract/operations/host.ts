import { z } from 'zod';
import { LastPlaceSchema } from '../../domain/place';
import { query } from '../define';
import { Empty } from './shared';

export const TeamRelayAddressSchema = z.object({
  /** `ws://127.0.0.1:<port>/team-relay`. */
  url: z.string(),
  /** What the page presents to the relay in place of a session token. */
  token: z.string(),
});
export type TeamRelayAddress = z.infer<typeof TeamRelayAddressSchema>;

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
  /**
   * Where the editor reaches the team relay when that is not the page's own host (the desktop app:
   * its page comes from app://, so the relay listens on a loopback port of its own, with a secret
   * made for this launch). Null: the host's own `/team-relay`, with the page's session token.
   */
  teamRelay: TeamRelayAddressSchema.nullable(),
});
export type HostInfo = z.infer<typeof HostInfoSchema>;

/** The host part of the contract. */
export const HOST_OPERATIONS = {
  'host.info': query('What the host can do and which workspace is open.', Empty, HostInfoSchema, { epochFree: true }),
} as const;
