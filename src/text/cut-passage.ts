import { toUtf16Offset } from './code-points';

/**
 * A passage cut from a snapshot as the quote's text should read it: the snapshot keeps the line
 * breaks of the page it came from (a PDF breaks every line), which are layout, not wording.
 * A line ending in a hyphen between two lower-case letters is a word split by the layout and is
 * joined ("inter-\nnational" → "international"); any other hyphen stays and only the break goes
 * ("NATO-\nJapan" → "NATO-Japan"); other single line breaks become spaces; a blank line (a
 * paragraph break) stays one blank line. The quote's offsets still point at the exact snapshot
 * text, which {@link cutMatches} accepts as the same passage.
 */
export function normaliseCutText(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .replace(/(\p{Ll})-\n(?=\p{Ll})/gu, '$1')
        .replace(/-\n/g, '-')
        .replace(/\n/g, ' '),
    )
    .join('\n\n');
}

/** Whether a quote's text is the snapshot passage at its offsets, exactly or as {@link normaliseCutText} writes it. */
export function cutMatches(quoteText: string, snapshotPassage: string): boolean {
  return quoteText === snapshotPassage || quoteText === normaliseCutText(snapshotPassage);
}

/**
 * The 1-based paragraph of its page that a code-point offset falls in, counting blank lines as
 * paragraph breaks; null when the page has no paragraph breaks (its numbering would say nothing).
 */
export function paragraphAt(text: string, pageOffsets: readonly number[], offset: number): number | null {
  const at = toUtf16Offset(text, offset);
  let pageStart = 0;
  let pageEnd = text.length;
  for (const start of pageOffsets) {
    const utf16 = toUtf16Offset(text, start);
    if (utf16 <= at) pageStart = utf16;
    else {
      pageEnd = Math.min(pageEnd, utf16);
      break;
    }
  }
  const page = text.slice(pageStart, pageEnd).replace(/^\n+|\n+$/g, '');
  const lead = text.slice(pageStart, pageEnd).length - text.slice(pageStart, pageEnd).replace(/^\n+/, '').length;
  if (!/\n[ \t]*\n/.test(page)) return null;
  const before = page.slice(0, Math.max(0, at - pageStart - lead));
  return (before.match(/\n[ \t]*\n+/g)?.length ?? 0) + 1;
}
