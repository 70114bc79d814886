import type { SnapshotText as Snapshot } from '../../../src/domain/snapshot';
import type { Selection } from '../SnapshotText';
import { OcrImageView } from './OcrImageView';
import { PdfPageView } from './PdfPageView';

/** Whether a snapshot can be shown as what the analyst reads (pages, or the image under its words). */
export function hasPageView(snapshot: Pick<Snapshot, 'mediaType' | 'ocr'>): boolean {
  return snapshot.mediaType === 'application/pdf' || snapshot.ocr !== null;
}

/** The page view of a PDF or OCR'd image snapshot, selecting into the stored text. */
export function SnapshotPageView({
  sourceId,
  snapshot,
  onSelect,
}: {
  sourceId: string;
  snapshot: Snapshot;
  onSelect: (selection: Selection | null) => void;
}) {
  // A scanned PDF has OCR words too: it is shown as its pages, with the words over each scan.
  if (snapshot.ocr && snapshot.mediaType !== 'application/pdf')
    return <OcrImageView sourceId={sourceId} fileName={snapshot.fileName} ocr={snapshot.ocr} snapshot={snapshot} onSelect={onSelect} />;
  return <PdfPageView sourceId={sourceId} snapshot={snapshot} onSelect={onSelect} />;
}
