import { toUtf16Offset } from '../../src/text/code-points';

export interface Piece {
  text: string;
  highlighted: boolean;
}

export interface PageBlock {
  /** 1-based page number, or null for snapshots without pages. */
  page: number | null;
  pieces: Piece[];
}

/**
 * Splits a snapshot's text into pages (PDFs) and marks one span (a quote) in it. Offsets come
 * in code points, as stored, and are converted to the string's own positions here. The pieces
 * concatenate back to exactly the text, so selections map to offsets by counting characters.
 */
export function layoutSnapshot(
  text: string,
  pageOffsets: readonly number[] | null,
  span: { start: number; end: number } | null,
): PageBlock[] {
  const starts = (pageOffsets && pageOffsets.length > 0 ? pageOffsets : [0]).map((offset) => toUtf16Offset(text, offset));
  const mark = span ? { start: toUtf16Offset(text, span.start), end: toUtf16Offset(text, span.end) } : null;
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? text.length;
    const cuts = [start, end];
    if (mark) for (const at of [mark.start, mark.end]) if (at > start && at < end) cuts.push(at);
    cuts.sort((a, b) => a - b);
    const pieces: Piece[] = [];
    for (let cut = 0; cut + 1 < cuts.length; cut += 1) {
      const from = cuts[cut] ?? 0;
      const to = cuts[cut + 1] ?? 0;
      if (to > from) pieces.push({ text: text.slice(from, to), highlighted: mark !== null && from >= mark.start && to <= mark.end });
    }
    return { page: pageOffsets && pageOffsets.length > 0 ? index + 1 : null, pieces };
  });
}
