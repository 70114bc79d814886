import { useEffect, useState } from 'react';
import type { SnapshotOcr } from '../../src/snapshot/ocr';
import { ocrLanguagesLabel } from '../../src/snapshot/ocr';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';

/**
 * An image snapshot shown beside the text OCR read from it, so the analyst checks a quote against
 * what the image says. The bytes come from the workspace (never from the network) and are shown
 * through a blob URL, which the page's policy allows for images only.
 */
export function SnapshotImage({ sourceId, fileName, ocr }: { sourceId: string; fileName: string; ocr: SnapshotOcr }) {
  const client = useClient();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let shown: string | null = null;
    let current = true;
    client
      .call('snapshots.image', { sourceId })
      .then(({ mediaType, base64 }) => {
        if (!current) return;
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        shown = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
        setUrl(shown);
      })
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
      if (shown) URL.revokeObjectURL(shown);
    };
  }, [client, sourceId]);

  return (
    <figure className="snapshot-image">
      {error ? (
        <p role="alert">{error}</p>
      ) : url ? (
        <img src={url} alt={`The captured image, ${fileName}`} width={ocr.width} height={ocr.height} />
      ) : (
        <p aria-busy="true">Loading the image…</p>
      )}
      <figcaption role="note" aria-label="OCR notice">
        Text read from the image with OCR ({ocrLanguagesLabel(ocr.languages)}, confidence {Math.round(ocr.confidence)}%). Check a quote
        against the image before relying on it.
      </figcaption>
    </figure>
  );
}
