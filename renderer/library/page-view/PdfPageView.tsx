import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { SnapshotText as Snapshot } from '../../../src/domain/snapshot';
import { regionOfSpan, type OcrWord } from '../../../src/snapshot/ocr';
import { spanOfWordSelection } from '../../../src/snapshot/ocr-selection';
import { regionInPoints, selectionInPage } from '../../../src/snapshot/pdf-selection';
import { sliceCodePoints } from '../../../src/text/code-points';
import { toCodePointOffset, toUtf16Offset } from '../../../src/text/code-points';
import { errorMessage } from '../../app/error-message';
import { useContractQuery } from '../../data/useContractQuery';
import type { Selection } from '../SnapshotText';
import { pointAmong, rangeInside } from './dom-points';
import { PAGE_SCALE, PdfPage, type RenderedPage } from './PdfPage';
import { loadPdfJs, viewingParameters, type PdfJsModule } from './pdfjs';
import './page-view.css';

interface Opened {
  pdfjs: PdfJsModule;
  doc: PDFDocumentProxy;
  size: { width: number; height: number };
}

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** UTF-16 start and end of page `number` (1-based) in the snapshot text. */
function pageRange(snapshot: Snapshot, number: number): { start: number; end: number } {
  const offsets = snapshot.pageOffsets ?? [0];
  const start = toUtf16Offset(snapshot.text, offsets[number - 1] ?? 0);
  const next = offsets[number];
  return { start, end: next === undefined ? snapshot.text.length : toUtf16Offset(snapshot.text, next) };
}

/**
 * A PDF snapshot shown as its pages, to cut a quote where the analyst reads it. Selecting text on
 * a page selects the same characters of the stored text (see src/snapshot/pdf-selection.ts), so
 * the quote is exactly the captured text, with its page and the region it covers on the page.
 */
export function PdfPageView({
  sourceId,
  snapshot,
  onSelect,
}: {
  sourceId: string;
  snapshot: Snapshot;
  onSelect: (selection: Selection | null) => void;
}) {
  // A snapshot's bytes never change after capture.
  const read = useContractQuery('snapshots.pdf', { sourceId, snapshotId: snapshot.id }, { immutable: true });
  const [opened, setOpened] = useState<Opened | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const rendered = useRef(new Map<number, RenderedPage>());
  const onRendered = useCallback((number: number, page: RenderedPage) => rendered.current.set(number, page), []);
  // A scanned PDF's pages were read with OCR: their words go over the scans, by page.
  const ocrRead = useContractQuery(
    'snapshots.ocrWords',
    { sourceId, snapshotId: snapshot.id },
    { immutable: true, enabled: snapshot.ocr !== null },
  );
  const ocrPages = useMemo(() => {
    const byPage = new Map<number, OcrWord[]>();
    for (const word of ocrRead.data?.words ?? [])
      if (word.page !== undefined) byPage.set(word.page, [...(byPage.get(word.page) ?? []), word]);
    return byPage;
  }, [ocrRead.data]);

  useEffect(() => {
    if (!read.data) return;
    let closed = false;
    let doc: PDFDocumentProxy | null = null;
    const pages = rendered.current;
    void (async () => {
      const pdfjs = await loadPdfJs();
      const task = pdfjs.getDocument(viewingParameters(decodeBase64(read.data.base64)));
      doc = await task.promise;
      if (closed) return void doc.destroy();
      const first = (await doc.getPage(1)).getViewport({ scale: 1 });
      setOpened({ pdfjs, doc, size: { width: first.width, height: first.height } });
    })().catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      closed = true;
      void doc?.destroy();
      pages.clear();
    };
  }, [read.data]);

  useEffect(() => {
    const onSelectionChange = (): void => {
      const range = rangeInside(root.current);
      if (!range) return onSelect(null);
      const pageElement = (node: Node): HTMLElement | null =>
        (node instanceof HTMLElement ? node : node.parentElement)?.closest<HTMLElement>('[data-page]') ?? null;
      const frame = pageElement(range.startContainer);
      // A quote is cut from one page; a selection running over two is not taken.
      if (!frame || frame !== pageElement(range.endContainer)) return onSelect(null);
      const number = Number(frame.dataset.page);
      const scanWords = ocrPages.get(number);
      const scanLayer = frame.querySelector<HTMLElement>('.ocr-page-words');
      if (scanWords && scanLayer) {
        const wordElements = new Map<Node, number>(
          Array.from(scanLayer.querySelectorAll(':scope > span'), (element, index) => [element, index]),
        );
        const first = pointAmong(wordElements, range.startContainer, range.startOffset, 'start');
        const last = pointAmong(wordElements, range.endContainer, range.endOffset, 'end');
        const cut = first && last ? spanOfWordSelection(snapshot.text, scanWords, first, last) : null;
        if (!cut) return onSelect(null);
        const place = regionOfSpan(scanWords, cut);
        return onSelect({
          text: sliceCodePoints(snapshot.text, cut.start, cut.end),
          span: cut,
          snapshotId: snapshot.id,
          page: number,
          region: place ? { x: place.x, y: place.y, w: place.w, h: place.h } : null,
        });
      }
      const page = rendered.current.get(number);
      if (!page) return onSelect(null);
      const elements = new Map<Node, number>(page.itemElements.map((element, index) => [element, index]));
      const { start: pageStart, end: pageEnd } = pageRange(snapshot, number);
      const span = selectionInPage({
        pageText: snapshot.text.slice(pageStart, pageEnd),
        items: page.items,
        start: pointAmong(elements, range.startContainer, range.startOffset, 'start'),
        end: pointAmong(elements, range.endContainer, range.endOffset, 'end'),
        selected: range.toString(),
      });
      if (!span) return onSelect(null);
      const start = pageStart + span.start;
      const end = pageStart + span.end;
      const origin = frame.getBoundingClientRect();
      onSelect({
        text: snapshot.text.slice(start, end),
        span: { start: toCodePointOffset(snapshot.text, start), end: toCodePointOffset(snapshot.text, end) },
        snapshotId: snapshot.id,
        page: number,
        region: regionInPoints(Array.from(range.getClientRects()), origin, PAGE_SCALE),
      });
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [snapshot, onSelect, ocrPages]);

  const problem = read.error ? errorMessage(read.error) : failure;
  if (problem) return <p role="alert">The pages could not be shown ({problem}). The text view still has the text to quote from.</p>;
  if (!opened) return <p aria-busy="true">Opening the pages…</p>;
  // Focusable so the pages scroll with the keyboard, as the text view does.
  return (
    <div ref={root} className="pdf-pages" role="region" aria-label="Snapshot pages" tabIndex={0}>
      {Array.from({ length: opened.doc.numPages }, (_, index) => (
        <PdfPage
          key={index}
          pdfjs={opened.pdfjs}
          doc={opened.doc}
          number={index + 1}
          size={opened.size}
          onRendered={onRendered}
          ocr={ocrPages.has(index + 1) ? { text: snapshot.text, words: ocrPages.get(index + 1) ?? [] } : null}
        />
      ))}
    </div>
  );
}
