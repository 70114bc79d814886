import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { OcrWord } from '../../../src/snapshot/ocr';
import { OcrPageWords } from './OcrPageWords';
import type { PdfJsModule } from './pdfjs';

/** CSS pixels per PDF point: an A4 page (595 pt) is drawn 744 px wide. */
export const PAGE_SCALE = 1.25;

/** What a rendered page tells the view, to map a selection on it: its text-layer items, in pdf.js order. */
export interface RenderedPage {
  /** The text-layer elements, one per pdf.js text item (an item with no text has one that is not in the DOM). */
  itemElements: readonly HTMLElement[];
  /** The item strings, as the elements hold them. */
  items: readonly string[];
}

interface PdfPageProps {
  pdfjs: PdfJsModule;
  doc: PDFDocumentProxy;
  number: number;
  /** The first page's size in points, for the placeholder until this page is drawn. */
  size: { width: number; height: number };
  onRendered: (number: number, page: RenderedPage) => void;
  /** For a page read with OCR (a scan): the stored text and this page's words, laid over the scan. */
  ocr?: { text: string; words: readonly OcrWord[] } | null;
}

/**
 * One page, drawn to a canvas with pdf.js's text layer over it (transparent, selectable, read by
 * screen readers) once it comes near the viewport; a placeholder of the page's size until then.
 */
export function PdfPage({ pdfjs, doc, number, size, onRendered, ocr }: PdfPageProps) {
  const frame = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [drawn, setDrawn] = useState<{ width: number; height: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const element = frame.current;
    if (!element || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), {
      rootMargin: '400px 0px',
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    let stop = (): void => undefined;
    void (async () => {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: PAGE_SCALE });
      const target = canvas.current;
      const container = layer.current;
      if (cancelled || !target || !container) return;
      const ratio = window.devicePixelRatio || 1;
      target.width = Math.floor(viewport.width * ratio);
      target.height = Math.floor(viewport.height * ratio);
      setDrawn({ width: viewport.width, height: viewport.height });
      const task = page.render({
        canvas: target,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        // Annotations' printed appearance only: no form fields, links or actions are made live.
        annotationMode: pdfjs.AnnotationMode.ENABLE,
      });
      // The same items the host extracted the stored text from, with pdf.js's ligature
      // expansion applied as the host applies it, so the layer's text matches the stored text.
      const content = await page.getTextContent({ disableNormalization: true });
      for (const item of content.items) if ('str' in item) item.str = pdfjs.normalizeUnicode(item.str);
      container.replaceChildren();
      const textLayer = new pdfjs.TextLayer({ textContentSource: content, container, viewport });
      stop = () => {
        task.cancel();
        textLayer.cancel();
      };
      await Promise.all([task.promise, textLayer.render()]);
      if (!cancelled) onRendered(number, { itemElements: textLayer.textDivs, items: textLayer.textContentItemsStr });
    })().catch((error: unknown) => {
      if (!cancelled && !(error instanceof pdfjs.RenderingCancelledException)) {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [near, doc, number, pdfjs, onRendered]);

  const shown = drawn ?? { width: size.width * PAGE_SCALE, height: size.height * PAGE_SCALE };
  return (
    <section
      ref={frame}
      className="pdf-page"
      aria-label={`Page ${number} of ${doc.numPages}`}
      data-page={number}
      aria-busy={drawn === null}
      style={{ width: shown.width, height: shown.height, ['--total-scale-factor' as string]: PAGE_SCALE }}
    >
      <canvas ref={canvas} aria-hidden="true" />
      <div ref={layer} className="textLayer" />
      {ocr && drawn && <OcrPageWords text={ocr.text} words={ocr.words} scale={PAGE_SCALE} />}
      {failure && (
        <p role="alert" className="pdf-page-failure">
          Page {number} could not be drawn ({failure}). Its text is in the text view.
        </p>
      )}
    </section>
  );
}
