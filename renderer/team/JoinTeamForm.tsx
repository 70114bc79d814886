import { useState, type FormEvent } from 'react';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';

/** Server address, user and password: logs in to the team server and binds this workspace to it. */
export function JoinTeamForm() {
  const command = useCommand();
  const [serverUrl, setServerUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  const join = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    setJoining(true);
    try {
      await command('team.join', { serverUrl, user, password });
      setPassword('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setJoining(false);
    }
  };

  return (
    <form className="team-join" aria-labelledby="team-join-heading" onSubmit={(event) => void join(event)}>
      <h2 id="team-join-heading">Join a team</h2>
      <p className="muted">
        The library is then shared through the team’s server. This workspace keeps a full copy, so it works offline and merges when the
        server is back.
      </p>
      <label className="stacked">
        Server address
        <input type="url" value={serverUrl} placeholder="http://127.0.0.1:1234" onChange={(event) => setServerUrl(event.target.value)} />
      </label>
      <label className="stacked">
        User
        <input value={user} autoComplete="username" onChange={(event) => setUser(event.target.value)} />
      </label>
      <label className="stacked">
        Password
        <input type="password" value={password} autoComplete="current-password" onChange={(event) => setPassword(event.target.value)} />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={joining}>
        {joining ? 'Joining…' : 'Join team'}
      </button>
    </form>
  );
}
