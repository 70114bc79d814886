import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';

/**
 * The ratings grid's fixed sizes, in CSS pixels. Fixed, not measured: a virtual grid of 500 rows
 * that measured each row would lay out every row it scrolls past, and fixed heights keep a scroll
 * frame to placing ~20 rows (figures in BENCHMARKS.md).
 */
export const GRID = {
  rowHeight: 44,
  headerHeight: 76,
  footerHeight: 44,
  // Five hypotheses fit beside the library panel in a 1280-pixel window (948 px): 262 + 148 + 114 + 5 × 84.
  itemWidth: 262,
  weightWidth: 148,
  diagnosticityWidth: 114,
  cellWidth: 84,
} as const;

/** Where the first hypothesis column starts: after the item, weight and diagnosticity columns. */
export const FIXED_WIDTH = GRID.itemWidth + GRID.weightWidth + GRID.diagnosticityWidth;

/**
 * The visible range plus one index kept rendered whatever the scroll: the focused cell's row or
 * column, so the focused element is never unmounted (focus would fall to the page) when it
 * scrolls out of view, and keys keep working from it.
 */
export function rangeKeeping(kept: number): (range: Range) => number[] {
  return (range) => {
    const indexes = defaultRangeExtractor(range);
    if (kept < 0 || kept >= range.count || indexes.includes(kept)) return indexes;
    return [...indexes, kept].sort((a, b) => a - b);
  };
}

/** The same sizes for the stylesheet (analysis.css), set on the grid's scroller. */
export const GRID_CSS_VARIABLES: Readonly<Record<string, string>> = {
  '--ach-row-height': `${GRID.rowHeight}px`,
  '--ach-head-height': `${GRID.headerHeight}px`,
  '--ach-foot-height': `${GRID.footerHeight}px`,
  '--ach-item-width': `${GRID.itemWidth}px`,
};
