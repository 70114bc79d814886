// What the host pushes to the page on its event stream besides job progress: the team status, so
// the page follows the team link without asking. The page reads these with `readHostEvent`
// (src/contract/wire-check.ts, no zod); this schema is what that hand check is held to.
import { z } from 'zod';
import { TeamStatusAnswerSchema } from './operations/team';

export const HostEventSchema = z.discriminatedUnion('type', [
  /** The answer `team.status` would give now: sent when a stream opens and each time it changes. */
  z.object({ type: z.literal('team-status'), status: TeamStatusAnswerSchema }),
]);
export type HostEvent = z.infer<typeof HostEventSchema>;
