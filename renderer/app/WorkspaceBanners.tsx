import { useEffect, useState } from 'react';
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
