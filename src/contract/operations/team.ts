import { z } from 'zod';
import { TeamStatusSchema } from '../../team/binding';
import { command, query } from '../define';
import { Empty } from './shared';

/** The team status as the page reads it: the binding and link (src/team/binding.ts), and whether the library changed. */
export const TeamStatusAnswerSchema = z.intersection(
  TeamStatusSchema,
  z.object({
    /** Grows whenever changes from the team were written into the library: the page's library reads are stale then. */
    libraryGeneration: z.number().int().min(0),
  }),
);
export type TeamStatusAnswer = z.infer<typeof TeamStatusAnswerSchema>;

export const TeamJoinSchema = z
  .object({
    serverUrl: z
      .string({ error: 'Enter the team server’s address.' })
      .trim()
      .min(1, 'Enter the team server’s address.')
      .max(2000, 'That address is too long.'),
    user: z.string({ error: 'Enter your user name.' }).trim().min(1, 'Enter your user name.').max(200, 'That user name is too long.'),
    password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(1000, 'That password is too long.'),
  })
  .strict();
export type TeamJoin = z.infer<typeof TeamJoinSchema>;

/** Joining a team, its status, and sharing the library with it (issue 19). */
export const TEAM_OPERATIONS = {
  'team.status': query('Whether this workspace belongs to a team, and how its link to the team server is.', Empty, TeamStatusAnswerSchema),
  'team.join': command('Join a team: log in to its server and bind this workspace to it.', TeamJoinSchema, TeamStatusAnswerSchema),
  'team.leave': command('Leave the team: this workspace keeps its library and works solo again.', Empty, TeamStatusAnswerSchema),
  'team.share': command(
    'Share this workspace’s library with the team (records keep their ids; sharing twice changes nothing).',
    Empty,
    z.object({ records: z.number().int().min(0) }),
  ),
} as const;
