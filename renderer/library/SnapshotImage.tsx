import { useEffect, useMemo } from 'react';
import type { SnapshotOcr } from '../../src/snapshot/ocr';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';
import { ocrNoticeText } from './ocr-messages';

/**
 * An image snapshot shown beside the text OCR read from it, so the analyst checks a quote against
 * what the image says. The bytes come from the workspace (never from the network) and are shown
 * through a blob URL, which the page's policy allows for images only.
 */
export function SnapshotImage({ sourceId, fileName, ocr }: { sourceId: string; fileName: string; ocr: SnapshotOcr }) {
  // A snapshot's bytes never change after capture.
  const read = useContractQuery('snapshots.image', { sourceId }, { immutable: true });
  const url = useMemo(() => {
    if (!read.data) return null;
    const bytes = Uint8Array.from(atob(read.data.base64), (char) => char.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: read.data.mediaType }));
  }, [read.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  return (
    <figure className="snapshot-image">
      {read.error ? (
        <p role="alert">{errorMessage(read.error)}</p>
      ) : url ? (
        <img src={url} alt={`The captured image, ${fileName}`} width={ocr.width} height={ocr.height} />
      ) : (
        <p aria-busy="true">Loading the image…</p>
      )}
      <figcaption role="note" aria-label="OCR notice">
        {ocrNoticeText(ocr)}
      </figcaption>
    </figure>
  );
}
