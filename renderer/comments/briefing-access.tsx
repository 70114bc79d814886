import type { BriefingAccess } from '../../src/team/comments-access';
import { useContractQuery } from '../data/useContractQuery';

/** Until the host answers, nothing is offered that a team role might forbid. */
const UNKNOWN: BriefingAccess = { shared: false, role: null, editText: false, comment: false, why: null };
/** A host that cannot say (an error) leaves the briefing as in solo use; the team server still refuses. */
const SOLO: BriefingAccess = { shared: false, role: null, editText: true, comment: true, why: null };

/** What this workbench may do in a briefing: a team reviewer comments but does not edit; a reader only reads. */
export function useBriefingAccess(briefingId: string): { access: BriefingAccess; known: boolean } {
  const answer = useContractQuery('comments.access', { briefingId });
  if (answer.data) return { access: answer.data, known: true };
  return answer.error ? { access: SOLO, known: true } : { access: UNKNOWN, known: false };
}

/** The line that says why a shared briefing's text cannot be changed here. */
export function BriefingAccessNotice({ access }: { access: BriefingAccess }) {
  if (access.why === null) return null;
  return (
    <p className="edit-mode-banner" role="note" aria-label="Your team role">
      {access.why}
    </p>
  );
}
