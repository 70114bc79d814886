import { useState } from 'react';
import { errorMessage } from '../../../app/error-message';
import { useCommand } from '../../../data/mutations';

interface ShareWithTeamButtonProps {
  briefingId: string;
  onError: (message: string) => void;
}

/**
 * Moves the briefing's body into a team document: from then on it is co-written live, and the
 * editor opens again on the shared document (the command's invalidation reloads it).
 */
export function ShareWithTeamButton({ briefingId, onError }: ShareWithTeamButtonProps) {
  const command = useCommand();
  const [sharing, setSharing] = useState(false);
  return (
    <button
      type="button"
      className="share-with-team"
      disabled={sharing}
      title="Your team will see this briefing and can write in it with you"
      onClick={() => {
        setSharing(true);
        command('briefings.share', { id: briefingId }).then(
          () => setSharing(false),
          (failure: unknown) => {
            setSharing(false);
            onError(errorMessage(failure));
          },
        );
      }}
    >
      {sharing ? 'Sharing…' : 'Share with the team'}
    </button>
  );
}
