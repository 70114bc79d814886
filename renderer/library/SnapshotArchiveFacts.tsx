import { archiveCaptureLine, type SnapshotArchive } from '../../src/domain/snapshot';

/**
 * What the archive's own records say about the capture (address and time), which is evidence in
 * itself and differs from when the analyst attached the file. The address is text, never a link:
 * nothing in a snapshot leads out of the workspace.
 */
export function SnapshotArchiveFacts({ archive }: { archive: SnapshotArchive }) {
  return (
    <p className="snapshot-meta" aria-label="Archived capture">
      {archiveCaptureLine(archive)}
    </p>
  );
}
