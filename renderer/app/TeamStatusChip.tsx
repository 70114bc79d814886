import { navigate } from './router';
import { teamStatusText, useTeamStatus } from './useTeamStatus';

/** The team link in the top bar (connected / syncing / offline, with changes waiting); nothing for a solo workspace. */
export function TeamStatusChip() {
  const status = useTeamStatus();
  if (!status?.joined) return null;
  const text = teamStatusText(status);
  return (
    <button
      type="button"
      className={`team-chip team-chip-${status.state}`}
      aria-label={`Team: ${text}`}
      title={status.refusal ?? `${status.userName} on ${status.serverUrl}`}
      onClick={() => navigate({ view: 'team' })}
    >
      {text}
    </button>
  );
}
