import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { QuoteRegion } from '../../src/domain/quote';
import type { SnapshotText as Snapshot } from '../../src/domain/snapshot';
import { toCodePointOffset } from '../../src/text/code-points';
import { layoutSnapshot } from './snapshot-layout';

export interface Selection {
  text: string;
  /** Code-point offsets into the snapshot text. */
  span: { start: number; end: number };
  /** The capture the text was selected in. */
  snapshotId: string;
  /** Set when selected on a rendered PDF page (its number) or over an image (null). */
  page?: number | null;
  /** Where on the page (PDF points) or image (pixels) the selection lies, when made there. */
  region?: QuoteRegion | null;
}

interface SnapshotTextProps {
  snapshot: Snapshot;
  highlight: { start: number; end: number } | null;
  onSelect: (selection: Selection | null) => void;
}

/** Character offset of a DOM position inside `root`, counting only text. */
function offsetWithin(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The snapshot's extracted text, read-only and inert: plain text nodes, so nothing from the
 * captured page can run or load. Selecting text reports its exact offsets.
 */
export function SnapshotText({ snapshot, highlight, onSelect }: SnapshotTextProps) {
  const root = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => layoutSnapshot(snapshot.text, snapshot.pageOffsets, highlight), [snapshot, highlight]);

  useLayoutEffect(() => {
    root.current?.querySelector('mark')?.scrollIntoView({ block: 'center' });
  }, [highlight]);

  useEffect(() => {
    const onSelectionChange = (): void => {
      const selection = document.getSelection();
      const container = root.current;
      if (!selection || selection.rangeCount === 0 || !container) return;
      const range = selection.getRangeAt(0);
      if (range.collapsed || !container.contains(range.startContainer) || !container.contains(range.endContainer)) {
        onSelect(null);
        return;
      }
      const start = offsetWithin(container, range.startContainer, range.startOffset);
      const end = offsetWithin(container, range.endContainer, range.endOffset);
      const text = snapshot.text.slice(start, end);
      if (text.trim() === '') return onSelect(null);
      onSelect({
        text,
        span: { start: toCodePointOffset(snapshot.text, start), end: toCodePointOffset(snapshot.text, end) },
        snapshotId: snapshot.id,
      });
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [snapshot.text, snapshot.id, onSelect]);

  return (
    <div ref={root} className="snapshot-text" role="document" aria-label="Snapshot text" tabIndex={0}>
      {blocks.map((block, index) => (
        <div key={index} className="snapshot-page" data-label={block.page ? `Page ${block.page}` : undefined}>
          {block.pieces.map((piece, at) => (piece.highlighted ? <mark key={at}>{piece.text}</mark> : <span key={at}>{piece.text}</span>))}
        </div>
      ))}
    </div>
  );
}
