import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import type { SnapshotText as Snapshot } from '../../../src/domain/snapshot';
import { regionOfSpan, type SnapshotOcr } from '../../../src/snapshot/ocr';
import { spanOfWordSelection } from '../../../src/snapshot/ocr-selection';
import { sliceCodePoints } from '../../../src/text/code-points';
import { errorMessage } from '../../app/error-message';
import { useContractQuery } from '../../data/useContractQuery';
import { OcrNotice } from '../SnapshotImage';
import type { Selection } from '../SnapshotText';
import { useSnapshotImageUrl } from '../useSnapshotImageUrl';
import { pointAmong, rangeInside } from './dom-points';
import './page-view.css';

interface OcrImageViewProps {
  sourceId: string;
  fileName: string;
  ocr: SnapshotOcr;
  snapshot: Snapshot;
  onSelect: (selection: Selection | null) => void;
}

/**
 * An image snapshot with the words OCR read from it laid over it as transparent, selectable text,
 * each in its box: dragging over the words selects them as the image shows them, and the quote is
 * the stored OCR text between the first and last word, with the region of the image they cover.
 */
export function OcrImageView({ sourceId, fileName, ocr, snapshot, onSelect }: OcrImageViewProps) {
  const image = useSnapshotImageUrl(sourceId, snapshot.id);
  // Word boxes never change after capture.
  const read = useContractQuery('snapshots.ocrWords', { sourceId, snapshotId: snapshot.id }, { immutable: true });
  const words = read.data?.words ?? null;
  const overlay = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!words) return;
    const onSelectionChange = (): void => {
      const range = rangeInside(overlay.current);
      const container = overlay.current;
      if (!range || !container) return onSelect(null);
      const elements = new Map<Node, number>(Array.from(container.querySelectorAll(':scope > span'), (element, index) => [element, index]));
      const start = pointAmong(elements, range.startContainer, range.startOffset, 'start');
      const end = pointAmong(elements, range.endContainer, range.endOffset, 'end');
      const span = start && end ? spanOfWordSelection(snapshot.text, words, start, end) : null;
      if (!span) return onSelect(null);
      onSelect({
        text: sliceCodePoints(snapshot.text, span.start, span.end),
        span,
        snapshotId: snapshot.id,
        page: null,
        region: regionOfSpan(words, span),
      });
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [words, snapshot.text, snapshot.id, onSelect]);

  useLayoutEffect(() => {
    const container = overlay.current;
    if (!container) return;
    // Each word's text stretched or squeezed to its box's width, as pdf.js does for a page's
    // text, so a drag across the image selects the words the eye sees under the pointer.
    const fit = (): void => {
      const width = container.clientWidth;
      for (const span of container.querySelectorAll<HTMLElement>(':scope > span')) {
        const natural = span.offsetWidth;
        const wanted = Number(span.style.getPropertyValue('--box-width')) * width;
        if (natural > 0 && wanted > 0) span.style.setProperty('--scale-x', String(wanted / natural));
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(container);
    return () => observer.disconnect();
  }, [words, image.url]);

  const problem = image.error ?? (read.error ? errorMessage(read.error) : null);
  return (
    <figure className="snapshot-image ocr-image-view">
      {problem ? (
        <p role="alert">{problem}</p>
      ) : image.url && words ? (
        <div className="ocr-image-frame" style={{ aspectRatio: `${ocr.width} / ${ocr.height}`, maxWidth: ocr.width }}>
          <img src={image.url} alt={`The captured image, ${fileName}`} width={ocr.width} height={ocr.height} />
          <div ref={overlay} className="ocr-words" role="document" aria-label="Text over the image">
            {words.map((word, index) => (
              <Fragment key={index}>
                <span
                  style={{
                    left: `${(100 * word.region.x) / ocr.width}%`,
                    top: `${(100 * word.region.y) / ocr.height}%`,
                    ['--box-width' as string]: word.region.w / ocr.width,
                    height: `${(100 * word.region.h) / ocr.height}%`,
                    // The box's height as a share of the frame's width (cqw), so the text fills it at any size.
                    fontSize: `${(80 * word.region.h) / ocr.width}cqw`,
                  }}
                >
                  {sliceCodePoints(snapshot.text, word.start, word.end)}
                </span>
                {/* Read aloud as separate words; the quote takes the stored text between them, not these. */}{' '}
              </Fragment>
            ))}
          </div>
        </div>
      ) : (
        <p aria-busy="true">Loading the image…</p>
      )}
      <OcrNotice ocr={ocr} />
    </figure>
  );
}
