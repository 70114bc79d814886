import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { tokenInFragment } from '../transport/select-transport';
import { useClient } from './useClient';

/**
 * Shown once the host refused a call because the workspace was restored or switched since this
 * page loaded: nothing more is written from here, and Reload starts afresh from the new file.
 */
export function StaleBanner() {
  const client = useClient();
  const [message, setMessage] = useState<string | null>(client.stale);
  useEffect(() => client.onStale(setMessage), [client]);
  if (message === null) return null;
  return (
    <div className="workspace-banner stale-banner" role="alert" aria-label="Workspace changed">
      <p>
        <strong>The workspace was restored (or switched) — reload to continue.</strong> {message}
      </p>
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}

/** A workspace opened while another Warrant process holds it: reading works, writing does not. */
export function ReadOnlyNotice() {
  return (
    <p className="read-only-notice" role="status">
      Read-only: another Warrant process has this workspace open, so changes made here are refused. Close it there and open it here again to
      edit.
    </p>
  );
}

/** What to do with an address pasted into the banner: this origin's token, or why it cannot be used here. */
export function readNewAddress(text: string, here: Location): { token: string } | { problem: string } {
  let address: URL;
  try {
    address = new URL(text.trim());
  } catch {
    return { problem: 'That is not an address. Paste the whole line Warrant printed, starting with http://127.0.0.1.' };
  }
  const token = tokenInFragment(address.hash);
  if (!token) return { problem: 'That address carries no token (#token=…). Paste the whole line Warrant printed.' };
  if (address.origin !== here.origin) {
    return {
      problem: `That host listens on port ${address.port}, and what you typed is kept for port ${here.port}. Stop it and start it again with warrant web --port ${here.port}.`,
    };
  }
  return { token };
}

/**
 * Shown while the browser host is stopped (or restarted under a new token): the editor keeps
 * what is typed (a local draft, see the autosave plugin), and the new address reconnects.
 */
export function HostLostBanner() {
  const client = useClient();
  const state = useSyncExternalStore(
    (changed) => client.onHostState(changed),
    () => client.hostState,
  );
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (state === 'connected') return null;
  const reconnect = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const read = readNewAddress(address, window.location);
    if ('problem' in read) return setProblem(read.problem);
    setProblem((await client.reconnect(read.token)) ? null : 'No Warrant host with this workspace answered at that address.');
  };
  return (
    <div className="workspace-banner host-lost-banner" role="alert" aria-label="Host stopped">
      <p>
        <strong>Warrant’s host stopped. What you type is kept here.</strong> Start it again (
        <code>warrant web --port {window.location.port}</code> keeps this address) and open the address it prints in this tab: what you
        typed is then saved.
      </p>
      <form onSubmit={(event) => void reconnect(event)}>
        <label>
          New address <input type="url" value={address} onChange={(event) => setAddress(event.target.value)} />
        </label>
        <button type="submit">Reconnect</button>
      </form>
      {problem && <p role="status">{problem}</p>}
    </div>
  );
}
