import { captureFormatLabel, formatCaptureTime, type SnapshotInfo } from '../../src/domain/snapshot';
import './captures.css';

const HASH_STATE: Readonly<Record<SnapshotInfo['hashCheck']['state'], string>> = {
  matches: 'hash matches',
  mismatch: 'hash mismatch',
  unchecked: 'hash not checked yet',
};

/** "Capture of 2026-12-04 20:41:07 UTC": how a capture is named in the timeline, the compare controls and the quotes. */
export function captureName(capture: Pick<SnapshotInfo, 'capturedAt'>): string {
  return `Capture of ${formatCaptureTime(capture.capturedAt)}`;
}

interface CaptureTimelineProps {
  captures: readonly SnapshotInfo[];
  /** The capture whose text is shown. */
  shownId: string;
  onShow: (capture: SnapshotInfo) => void;
}

/** A source's captures, newest (current) first: time, format, size, hash state and quotes; choosing one shows its text. */
export function CaptureTimeline({ captures, shownId, onShow }: CaptureTimelineProps) {
  return (
    <ol className="capture-timeline" aria-label="Captures">
      {captures.map((capture, index) => {
        const shown = capture.id === shownId;
        return (
          <li key={capture.id} className={shown ? 'capture shown' : 'capture'} aria-current={shown ? 'true' : undefined}>
            <button type="button" aria-pressed={shown} onClick={() => onShow(capture)}>
              {captureName(capture)}
            </button>
            {index === 0 && <span className="capture-current">current</span>}
            <span className="capture-facts">
              {captureFormatLabel(capture)} · {(capture.size / 1024).toFixed(1)} KB ·{' '}
              <span className={capture.hashCheck.state === 'mismatch' ? 'hash-mismatch' : undefined}>
                {HASH_STATE[capture.hashCheck.state]}
              </span>{' '}
              · {capture.quoteCount === 1 ? '1 quote' : `${capture.quoteCount} quotes`}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
