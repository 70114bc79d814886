import { formatCaptureTime, type SnapshotInfo } from '../../src/domain/snapshot';

/**
 * The last re-check of the snapshot's bytes against the SHA-256 recorded at capture, its time in
 * UTC as the capture's is (one clock for the record of custody). A mismatch
 * means the file was edited outside Warrant: announced, with both hashes, and never repaired.
 */
export function SnapshotHashState({ snapshot }: { snapshot: SnapshotInfo }) {
  const check = snapshot.hashCheck;
  if (check.state === 'mismatch') {
    return (
      <p role="alert" className="hash-mismatch">
        Hash mismatch: this snapshot was changed after capture (recorded {snapshot.sha256}, found {check.foundSha256}). Its quotes are not
        verified and exports will say so.
      </p>
    );
  }
  if (check.state === 'matches' && check.checkedAt !== null) {
    return <p className="snapshot-meta">Hash checked {formatCaptureTime(check.checkedAt)}: matches the capture.</p>;
  }
  return <p className="snapshot-meta">Hash not checked yet.</p>;
}
