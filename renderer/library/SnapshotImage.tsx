import type { SnapshotOcr } from '../../src/snapshot/ocr';
import { ocrNoticeText } from './ocr-messages';
import { useSnapshotImageUrl } from './useSnapshotImageUrl';

/** Says the text was read with OCR, in which language and how confidently. */
export function OcrNotice({ ocr }: { ocr: SnapshotOcr }) {
  return (
    <figcaption role="note" aria-label="OCR notice">
      {ocrNoticeText(ocr)}
    </figcaption>
  );
}

/**
 * An image snapshot shown beside the text OCR read from it, so the analyst checks a quote against
 * what the image says. The bytes come from the workspace (never from the network) and are shown
 * through a blob URL, which the page's policy allows for images only.
 */
export function SnapshotImage({
  sourceId,
  snapshotId,
  fileName,
  ocr,
}: {
  sourceId: string;
  snapshotId?: string;
  fileName: string;
  ocr: SnapshotOcr;
}) {
  const { url, error } = useSnapshotImageUrl(sourceId, snapshotId);

  return (
    <figure className="snapshot-image">
      {error ? (
        <p role="alert">{error}</p>
      ) : url ? (
        <img src={url} alt={`The captured image, ${fileName}`} width={ocr.width} height={ocr.height} />
      ) : (
        <p aria-busy="true">Loading the image…</p>
      )}
      <OcrNotice ocr={ocr} />
    </figure>
  );
}
