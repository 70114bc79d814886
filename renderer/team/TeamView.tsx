import { useState } from 'react';
import type { TeamStatusAnswer } from '../../src/contract/operations/team';
import { errorMessage } from '../app/error-message';
import { teamStatusText, useTeamStatus } from '../app/useTeamStatus';
import { useCommand } from '../data/mutations';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useToast } from '../shell/useToast';
import { JoinTeamForm } from './JoinTeamForm';

const ROLE_NOTES = {
  analyst: 'You read and write the shared library.',
  reviewer: 'You joined as a reviewer: the library is read-only here (the server refuses library changes from reviewers).',
  reader: 'You joined as a reader: the library is read-only here (the server refuses changes from readers).',
} as const;

/** Joining a team, how the link to its server is, sharing the library with it, and leaving it. */
export function TeamView() {
  const status = useTeamStatus();
  return (
    <section className="view team-view" aria-labelledby="team-heading">
      <header className="view-header">
        <h1 id="team-heading">Team</h1>
      </header>
      {status === null && <p className="loading">Reading the team status…</p>}
      {status?.joined === false && <JoinTeamForm />}
      {status?.joined && <Joined status={status} />}
    </section>
  );
}

function Joined({ status }: { status: Extract<TeamStatusAnswer, { joined: true }> }) {
  const command = useCommand();
  const toast = useToast();
  const [leaving, setLeaving] = useState(false);
  const [sharing, setSharing] = useState(false);

  const share = async (): Promise<void> => {
    setSharing(true);
    try {
      const { records } = await command('team.share', {});
      toast({
        message:
          records === 0 ? 'The library was already shared.' : `Shared ${records === 1 ? '1 record' : `${records} records`} with the team.`,
      });
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' });
    } finally {
      setSharing(false);
    }
  };

  const leave = async (): Promise<void> => {
    setLeaving(false);
    try {
      await command('team.leave', {});
      toast({ message: 'Left the team. The library stays in this workspace.' });
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <div className="team-joined">
      <dl className="team-facts">
        <dt>Server</dt>
        <dd>{status.serverUrl}</dd>
        <dt>User</dt>
        <dd>
          {status.userName} ({status.role})
        </dd>
        <dt>Status</dt>
        <dd aria-live="polite">{teamStatusText(status)}</dd>
      </dl>
      {status.refusal && <p role="alert">{status.refusal}</p>}
      <p className={status.role === 'analyst' ? 'muted' : 'notice'}>{ROLE_NOTES[status.role]}</p>
      <div className="toolbar">
        {status.role === 'analyst' && (
          <button type="button" disabled={sharing} onClick={() => void share()}>
            Share the library with the team
          </button>
        )}
        <button type="button" className="danger" onClick={() => setLeaving(true)}>
          Leave the team…
        </button>
      </div>
      {leaving && (
        <ConfirmDialog
          title="Leave the team?"
          message={
            status.waiting > 0
              ? `${status.waiting} of your changes have not reached the team server yet and will not be sent. The library stays in this workspace.`
              : 'This workspace keeps its library and works solo again; changes from the team stop arriving.'
          }
          confirmLabel="Leave the team"
          onCancel={() => setLeaving(false)}
          onConfirm={() => void leave()}
        />
      )}
    </div>
  );
}
