import { useState } from 'react';
import type { Quote } from '../../src/domain/quote';
import { formatCaptureTime, type SnapshotInfo, type SnapshotText as Snapshot } from '../../src/domain/snapshot';
import { encodingLabel } from '../../src/snapshot/charset';
import { isImageMediaType } from '../../src/snapshot/media-type';
import { hasNoQuotableText, mayReadWithOcr } from '../../src/snapshot/text-notice';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useToast } from '../shell/useToast';
import { CaptureCompare } from './CaptureCompare';
import { CaptureTimeline, captureName } from './CaptureTimeline';
import { SnapshotArchiveFacts } from './SnapshotArchiveFacts';
import { SnapshotAttach } from './SnapshotAttach';
import { SnapshotHashState } from './SnapshotHashState';
import { SnapshotImage } from './SnapshotImage';
import { SnapshotImages } from './SnapshotImages';
import { SnapshotText, type Selection } from './SnapshotText';
import { SnapshotTextNotice } from './SnapshotTextNotice';
import { SnapshotOcrNotice } from './SnapshotOcrNotice';
import { SnapshotReadWithOcr } from './SnapshotReadWithOcr';
import { hasPageView, SnapshotPageView } from './page-view/SnapshotPageView';
import { SnapshotViewToggle, type SnapshotView } from './page-view/SnapshotViewToggle';

interface CapturePanelProps {
  sourceId: string;
  /** The source's current capture, hash-checked (null: none yet). */
  current: SnapshotInfo | null;
  /** The text of the capture shown (the current one unless another was chosen). */
  shown: Snapshot | null;
  quotes: readonly Quote[];
  highlight: { start: number; end: number } | null;
  selection: Selection | null;
  onSelect: (selection: Selection | null) => void;
  /** Show another capture (null: the current one). */
  onShowCapture: (snapshotId: string | null) => void;
  onSaveQuote: () => void;
  /** Page view (the PDF's pages, the image with its words) or the extracted text. */
  view: SnapshotView;
  onViewChange: (view: SnapshotView) => void;
}

/**
 * A source's snapshots: the captures as a timeline (newest first), the chosen capture's facts and
 * text to quote from, capturing again, comparing two captures, and removing one.
 */
export function CapturePanel({
  sourceId,
  current,
  shown,
  quotes,
  highlight,
  selection,
  onSelect,
  onShowCapture,
  onSaveQuote,
  view,
  onViewChange,
}: CapturePanelProps) {
  const command = useCommand();
  const toast = useToast();
  const [capturing, setCapturing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const list = useContractQuery('snapshots.list', { sourceId }, { enabled: current !== null });
  const captures = list.data?.items ?? [];
  if (!current || !shown) return <SnapshotAttach sourceId={sourceId} />;
  // The list carries the hash check run on listing; the text read does not run one.
  const info = captures.find((capture) => capture.id === shown.id) ?? (shown.id === current.id ? current : shown);
  const several = captures.length > 1;
  const quotable = !hasNoQuotableText(info.textNotice);
  const showPages = quotable && hasPageView(shown) && view === 'page';

  const requestRemove = (): void => {
    if (info.quoteCount > 0) {
      toast({
        message: `${info.quoteCount === 1 ? '1 quote was' : `${info.quoteCount} quotes were`} cut from this capture, so it cannot be removed: quotes never point at nothing.`,
        tone: 'error',
      });
      return;
    }
    setConfirmRemove(true);
  };

  return (
    <>
      {several && (
        <CaptureTimeline
          captures={captures}
          shownId={shown.id}
          onShow={(capture) => onShowCapture(capture.id === current.id ? null : capture.id)}
        />
      )}
      <p className="snapshot-meta">
        {several && `${captureName(info)}: `}
        {info.fileName} · {info.mediaType}
        {info.encoding ? ` (${encodingLabel(info.encoding)})` : ''} · {(info.size / 1024).toFixed(1)} KB · captured{' '}
        {formatCaptureTime(info.capturedAt)} · <span title={info.sha256}>SHA-256 {info.sha256.slice(0, 12)}…</span>
      </p>
      {info.archive && <SnapshotArchiveFacts archive={info.archive} />}
      <SnapshotHashState snapshot={info} />
      {info.textNotice && <SnapshotTextNotice notice={info.textNotice} />}
      {info.id === current.id && mayReadWithOcr(info) && <SnapshotReadWithOcr sourceId={sourceId} />}
      {info.ocr &&
        !showPages &&
        (isImageMediaType(info.mediaType) ? (
          <SnapshotImage sourceId={sourceId} snapshotId={info.id} fileName={info.fileName} ocr={info.ocr} />
        ) : (
          <SnapshotOcrNotice ocr={info.ocr} />
        ))}
      <div className="toolbar">
        {quotable && hasPageView(shown) && (
          <SnapshotViewToggle
            view={view}
            onChange={(next) => {
              onSelect(null);
              onViewChange(next);
            }}
          />
        )}
        {quotable && (
          <button type="button" className="primary" disabled={!selection} onClick={onSaveQuote}>
            Save as quote
          </button>
        )}
        <button type="button" aria-expanded={capturing} onClick={() => setCapturing((open) => !open)}>
          Capture again
        </button>
        <button type="button" className="danger" onClick={requestRemove}>
          {several ? 'Remove this capture' : 'Remove snapshot'}
        </button>
      </div>
      {capturing && (
        <section className="capture-again" aria-label="Capture again">
          <p className="snapshot-meta">A new capture becomes the current one; earlier captures and the quotes cut from them are kept.</p>
          <SnapshotAttach sourceId={sourceId} again />
        </section>
      )}
      {several && <CaptureCompare key={captures[0]?.id} sourceId={sourceId} captures={captures} />}
      {showPages ? (
        <SnapshotPageView sourceId={sourceId} snapshot={shown} onSelect={onSelect} />
      ) : (
        quotable && <SnapshotText snapshot={shown} highlight={highlight} onSelect={onSelect} />
      )}
      {info.archive?.format === 'mhtml' && <SnapshotImages sourceId={sourceId} snapshotId={info.id} />}
      {confirmRemove && (
        <ConfirmDialog
          title={several ? 'Remove this capture?' : 'Remove the snapshot?'}
          message={`The captured file is deleted from the workspace.${several && info.id === current.id ? ' The previous capture becomes the current one.' : ''}${quotes.length > 0 ? ' No quote was cut from it.' : ''}`}
          confirmLabel={several ? 'Remove capture' : 'Remove snapshot'}
          onCancel={() => setConfirmRemove(false)}
          onConfirm={() => {
            setConfirmRemove(false);
            onShowCapture(null);
            command('snapshots.remove', { sourceId, snapshotId: info.id }).catch((failure: unknown) =>
              toast({ message: errorMessage(failure), tone: 'error' }),
            );
          }}
        />
      )}
    </>
  );
}
