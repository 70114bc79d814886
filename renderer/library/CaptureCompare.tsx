import { useMemo, useState } from 'react';
import type { SnapshotInfo } from '../../src/domain/snapshot';
import { diffCaptureWords, type WordDiffPart } from '../../src/snapshot/capture-diff';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';
import { captureName } from './CaptureTimeline';

function CaptureSelect({
  label,
  captures,
  value,
  onChange,
}: {
  label: string;
  captures: readonly SnapshotInfo[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {captures.map((capture) => (
          <option key={capture.id} value={capture.id}>
            {captureName(capture)}
          </option>
        ))}
      </select>
    </label>
  );
}

const passages = (count: number): string => (count === 1 ? '1 passage' : `${count} passages`);

/** The word diff, with removed and added text marked for the eye (struck, underlined) and said to screen readers. */
function CaptureDiff({ parts }: { parts: readonly WordDiffPart[] }) {
  const removed = parts.filter((part) => part.op === 'removed').length;
  const added = parts.filter((part) => part.op === 'added').length;
  return (
    <>
      <p className="snapshot-meta" role="status">
        {removed === 0 && added === 0 ? 'The two captures have the same text.' : `${passages(removed)} removed, ${passages(added)} added.`}
      </p>
      <div className="capture-diff" role="document" aria-label="Differences between the captures" tabIndex={0}>
        {parts.map((part, index) =>
          part.op === 'same' ? (
            <span key={index}>{part.text}</span>
          ) : part.op === 'removed' ? (
            <del key={index}>
              <span className="visually-hidden">[removed: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </del>
          ) : (
            <ins key={index}>
              <span className="visually-hidden">[added: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          ),
        )}
      </div>
    </>
  );
}

/** Compare two captures of a source: the older one's text against the newer one's, word by word. */
export function CaptureCompare({ sourceId, captures }: { sourceId: string; captures: readonly SnapshotInfo[] }) {
  const [olderId, setOlderId] = useState(captures[1]?.id ?? '');
  const [newerId, setNewerId] = useState(captures[0]?.id ?? '');
  const [comparing, setComparing] = useState(false);
  const older = useContractQuery('snapshots.text', { sourceId, snapshotId: olderId }, { enabled: comparing && olderId !== '' });
  const newer = useContractQuery('snapshots.text', { sourceId, snapshotId: newerId }, { enabled: comparing && newerId !== '' });
  const parts = useMemo(
    () => (older.data && newer.data ? diffCaptureWords(older.data.text, newer.data.text) : null),
    [older.data, newer.data],
  );
  const failure = older.error ?? newer.error;
  return (
    <section className="capture-compare" aria-labelledby="compare-heading">
      <h3 id="compare-heading">Compare captures</h3>
      <div className="toolbar">
        <CaptureSelect label="Older" captures={captures} value={olderId} onChange={setOlderId} />
        <CaptureSelect label="Newer" captures={captures} value={newerId} onChange={setNewerId} />
        <button type="button" aria-expanded={comparing} onClick={() => setComparing((open) => !open)}>
          {comparing ? 'Hide comparison' : 'Compare'}
        </button>
      </div>
      {comparing &&
        (failure ? (
          <p role="alert">{errorMessage(failure)}</p>
        ) : parts ? (
          <CaptureDiff parts={parts} />
        ) : (
          <p className="loading">Comparing…</p>
        ))}
    </section>
  );
}
