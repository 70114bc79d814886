import { Fragment, useLayoutEffect, useRef } from 'react';
import type { OcrWord } from '../../../src/snapshot/ocr';
import { sliceCodePoints } from '../../../src/text/code-points';

/**
 * The words OCR read from a scanned PDF page, laid over the drawn page as transparent, selectable
 * text, each in its box (regions are PDF points from the page's top-left corner, drawn at
 * `scale` CSS pixels per point): a drag over the scan selects the words the eye sees.
 */
export function OcrPageWords({ text, words, scale }: { text: string; words: readonly OcrWord[]; scale: number }) {
  const overlay = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // Each word's text stretched or squeezed to its box's width, as pdf.js does for a text layer.
    for (const span of overlay.current?.querySelectorAll<HTMLElement>(':scope > span') ?? []) {
      const natural = span.offsetWidth;
      const wanted = Number(span.dataset.width);
      if (natural > 0 && wanted > 0) span.style.setProperty('--scale-x', String(wanted / natural));
    }
  }, [words, scale]);
  return (
    <div ref={overlay} className="ocr-words ocr-page-words" role="document" aria-label="Text read from the scan">
      {words.map((word, index) => (
        <Fragment key={index}>
          <span
            data-width={word.region.w * scale}
            style={{
              left: word.region.x * scale,
              top: word.region.y * scale,
              height: word.region.h * scale,
              fontSize: word.region.h * scale * 0.8,
            }}
          >
            {sliceCodePoints(text, word.start, word.end)}
          </span>{' '}
        </Fragment>
      ))}
    </div>
  );
}
