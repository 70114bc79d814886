import { useState, type DragEvent } from 'react';
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LABEL } from '../../src/snapshot/limits';
import { ContractError } from '../../src/contract/client';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { useJobs } from '../shell/useJobs';
import type { SnapshotInfo } from '../../src/domain/snapshot';
import { hasNoQuotableText } from '../../src/snapshot/text-notice';
import { useToast } from '../shell/useToast';

/** Capture a snapshot: pick or drop an HTML, PDF or text file, or paste text. */
/** What the capture's toast says: a capture with no readable text is kept, but never silently. */
function capturedMessage(captured: SnapshotInfo): string {
  if (hasNoQuotableText(captured.textNotice)) return 'Snapshot captured, but no text could be read from it.';
  if (captured.textNotice === 'xfa-form') return 'Snapshot captured: an XFA form, read from its form data.';
  return 'Snapshot captured.';
}

export function SnapshotAttach({ sourceId }: { sourceId: string }) {
  const client = useClient();
  const jobs = useJobs();
  const toast = useToast();
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const capture = async (start: () => Promise<SnapshotInfo>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const captured = await start();
      // The finished job makes the source's reads stale (renderer/data), so the snapshot appears.
      toast({ message: capturedMessage(captured) });
    } catch (failure) {
      if (!(failure instanceof ContractError && failure.payload.code === 'cancelled')) setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const captureFile = (file: File | undefined): void => {
    if (!file) return;
    if (file.size > SNAPSHOT_MAX_BYTES) {
      setError(`“${file.name}” is too large: a snapshot can be at most ${SNAPSHOT_MAX_LABEL}.`);
      return;
    }
    void capture(async () => {
      const uploadId = await client.uploadFile(new Uint8Array(await file.arrayBuffer()), file.name);
      return jobs.run('snapshots.attach', { sourceId, uploadId });
    });
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    captureFile(event.dataTransfer.files[0]);
  };

  return (
    <div className="snapshot-attach" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <p className="hint">
        No snapshot yet. Keep an offline copy of this source: an HTML page, a PDF or a text file, up to {SNAPSHOT_MAX_LABEL}. It is stored
        inside the workspace and never changed.
      </p>
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      <label className="stacked">
        Snapshot file
        <input
          type="file"
          accept=".html,.htm,.xhtml,.pdf,.txt,.text,.md,text/html,application/pdf,text/plain"
          disabled={busy}
          onChange={(event) => captureFile(event.target.files?.[0])}
        />
      </label>
      <p className="drop-zone" aria-hidden="true">
        …or drop a file here
      </p>
      <label className="stacked">
        Or paste the text
        <textarea rows={4} value={pasted} onChange={(event) => setPasted(event.target.value)} disabled={busy} />
      </label>
      <button
        type="button"
        disabled={busy || pasted.trim() === ''}
        onClick={() => void capture(() => jobs.run('snapshots.attach', { sourceId, pastedText: pasted }))}
      >
        Capture pasted text
      </button>
    </div>
  );
}
