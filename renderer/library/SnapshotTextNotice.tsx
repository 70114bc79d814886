import type { SnapshotTextNotice as Notice } from '../../src/domain/snapshot';
import { textNoticeMessage } from '../../src/snapshot/text-notice';

/** Says, on the source, what extraction could not read (or read from an XFA form's data). */
export function SnapshotTextNotice({ notice }: { notice: Notice }) {
  return (
    <p role="note" aria-label="Snapshot text notice" className="snapshot-notice">
      {textNoticeMessage(notice)}
    </p>
  );
}
