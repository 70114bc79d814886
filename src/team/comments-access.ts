// What the workbench lets a team account do in a shared briefing, in the same terms the team
// server enforces (permissions.ts): the UI only explains; the server is what refuses.
import { z } from 'zod';
import { mayWrite, TEAM_ROLES, type TeamRole } from './permissions';

export const BriefingAccessSchema = z.object({
  /** The briefing is shared with a team (its text and threads live in team documents). */
  shared: z.boolean(),
  /** This workbench's team role, or null in a solo workspace. */
  role: z.enum(TEAM_ROLES).nullable(),
  editText: z.boolean(),
  comment: z.boolean(),
  /** One line saying why something is not allowed, or null when everything is. */
  why: z.string().nullable(),
});
export type BriefingAccess = z.infer<typeof BriefingAccessSchema>;

const WHY: Record<Exclude<TeamRole, 'analyst'>, string> = {
  reviewer: 'You are a reviewer in this team: you can comment, reply and resolve, but not change the text.',
  reader: 'You are a reader in this team: you can read the text and its comments, but not change them.',
};

/** Solo briefings (and every briefing of a solo workspace) stay fully the analyst's. */
export function briefingAccess(briefingId: string, shared: boolean, role: TeamRole | null): BriefingAccess {
  if (!shared || role === null) return { shared, role, editText: true, comment: true, why: null };
  return {
    shared,
    role,
    editText: mayWrite(role, `briefing/${briefingId}`),
    comment: mayWrite(role, `comments/${briefingId}`),
    why: role === 'analyst' ? null : WHY[role],
  };
}
