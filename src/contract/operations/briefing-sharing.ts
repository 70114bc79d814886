import { z } from 'zod';
import { RecordId } from '../../domain/fields';
import { command, query } from '../define';

const ById = z.object({ id: RecordId }).strict();

/** Sharing a briefing's body with the team (issue 19): the body becomes a Yjs document co-written live. */
export const BRIEFING_SHARING_OPERATIONS = {
  'briefings.sharing': query(
    'Whether a briefing’s body is shared with the team, and who this workbench is on the team (null: not on a team).',
    ById,
    z.object({ shared: z.boolean(), team: z.object({ user: z.string() }).nullable() }),
  ),
  'briefings.share': command(
    'Share a briefing’s body with the team: its shared document is seeded from the stored body (once; sharing again changes nothing) and the body is co-written from then on.',
    ById,
    z.object({ id: RecordId, document: z.string() }),
  ),
} as const;
