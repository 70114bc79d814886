import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AchRating, MatrixAnalysis } from '../../src/analysis/ach';
import { gridKeyAction, type GridCell } from '../../src/analysis/ach-grid-keys';
import type { AchItemRecord, AchMatrixRecord } from '../../src/domain/ach';
import { PLATFORM } from '../commands/shortcut-labels';
import { AchGridFooter, AchGridHeader, AchGridRow } from './AchGridParts';
import { FIXED_WIDTH, GRID, GRID_CSS_VARIABLES, rangeKeeping } from './grid-geometry';
import { itemsInOrder } from './item-order';

interface AchGridProps {
  matrix: AchMatrixRecord;
  analysis: MatrixAnalysis;
  readOnly: boolean;
  sortByDiagnosticity: boolean;
  onRate: (item: AchItemRecord, hypothesisId: string, rating: AchRating) => void;
  onUndo: () => void;
  onRedo: () => void;
  onEditItem: (item: AchItemRecord) => void;
}

/** The same array while the same indexes are shown, so memoised rows skip a render that changes nothing. */
function useStableIndexes(indexes: number[]): readonly number[] {
  const key = indexes.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the array's content
  return useMemo(() => indexes, [key]);
}

/**
 * The ratings grid: one row per evidence item, one column per hypothesis, a cell per rating.
 * Virtual both ways (50 hypotheses × 500 items would be 25,000 cells): only the rows and columns
 * in view exist, plus the focused cell's row and column, so focus survives scrolling it away.
 * One cell takes focus at a time (roving tabindex), so Tab leaves the grid and arrows move inside
 * it; typing C, I or N rates the cell and steps across the row.
 */
export function AchGrid({ matrix, analysis, readOnly, sortByDiagnosticity, onRate, onUndo, onRedo, onEditItem }: AchGridProps) {
  const [active, setActive] = useState<GridCell>({ row: 0, column: 0 });
  const scroller = useRef<HTMLDivElement>(null);
  const focusWanted = useRef<GridCell | null>(null);
  const items = useMemo(() => itemsInOrder(matrix.items, analysis, sortByDiagnosticity), [matrix.items, analysis, sortByDiagnosticity]);
  const rows = items.length;
  const columns = matrix.hypotheses.length;
  const focused = { row: Math.min(active.row, Math.max(0, rows - 1)), column: Math.min(active.column, Math.max(0, columns - 1)) };
  const leaderId = analysis.leader.hypothesisId;
  const scoreOf = useMemo(() => new Map(analysis.scores.map((score) => [score.hypothesisId, score])), [analysis.scores]);

  const keepRow = useMemo(() => rangeKeeping(focused.row), [focused.row]);
  const keepColumn = useMemo(() => rangeKeeping(focused.column), [focused.column]);
  // The virtualizer hands back functions React cannot memoise safely; it is used as documented.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => GRID.rowHeight,
    scrollMargin: GRID.headerHeight,
    overscan: 6,
    rangeExtractor: keepRow,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns,
    getScrollElement: () => scroller.current,
    estimateSize: () => GRID.cellWidth,
    scrollMargin: FIXED_WIDTH,
    overscan: 2,
    rangeExtractor: keepColumn,
  });
  const shownRows = rowVirtualizer.getVirtualItems().map((row) => row.index);
  const shownColumns = useStableIndexes(columnVirtualizer.getVirtualItems().map((column) => column.index));

  const focusCell = useCallback((cell: GridCell): void => {
    focusWanted.current = cell;
    setActive((now) => (now.row === cell.row && now.column === cell.column ? now : cell));
  }, []);
  const noteFocus = useCallback((cell: GridCell): void => {
    setActive((now) => (now.row === cell.row && now.column === cell.column ? now : cell));
  }, []);

  // After the render that brought the cell in (it is always rendered once active), focus it; the
  // browser scrolls it into view past the sticky headers (the scroller's scroll-padding).
  useLayoutEffect(() => {
    const wanted = focusWanted.current;
    if (!wanted) return;
    focusWanted.current = null;
    scroller.current?.querySelector<HTMLElement>(`[data-cell="${wanted.row}:${wanted.column}"]`)?.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!(event.target instanceof HTMLElement) || !event.target.dataset.cell) return;
    const action = gridKeyAction(
      { key: event.key, shift: event.shiftKey, mod: PLATFORM === 'mac' ? event.metaKey : event.ctrlKey, alt: event.altKey },
      focused,
      rows,
      columns,
    );
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') focusCell(action.to);
    else if (action.kind === 'undo') onUndo();
    else if (action.kind === 'redo') onRedo();
    else if (!readOnly) {
      const item = items[focused.row];
      const hypothesis = matrix.hypotheses[focused.column];
      if (item && hypothesis) onRate(item, hypothesis.id, action.rating);
      focusCell(action.next);
    }
  };

  if (columns === 0 || rows === 0)
    return (
      <p className="empty-state">
        {columns === 0
          ? 'Add hypotheses to rate evidence against.'
          : 'Add evidence items: quotes or sources from the library, or arguments, assumptions and absences in words.'}
      </p>
    );

  const width = FIXED_WIDTH + columns * GRID.cellWidth;
  const bodyHeight = rows * GRID.rowHeight;
  return (
    <div
      ref={scroller}
      role="grid"
      className="ach-grid-scroll"
      aria-label="Ratings of the evidence against each hypothesis"
      aria-describedby="ach-grid-help"
      aria-rowcount={rows + 2}
      aria-colcount={columns + 3}
      style={{ ...GRID_CSS_VARIABLES, height: `min(70vh, ${GRID.headerHeight + bodyHeight + GRID.footerHeight + 2}px)` }}
      onKeyDown={onKeyDown}
    >
      <div className="ach-grid" style={{ width }}>
        <AchGridHeader hypotheses={matrix.hypotheses} columns={shownColumns} leaderId={leaderId} />
        <div role="rowgroup" className="ach-body" style={{ height: bodyHeight }}>
          {shownRows.map((row) => {
            const item = items[row];
            if (!item) return null;
            return (
              <AchGridRow
                key={item.id}
                item={item}
                row={row}
                hypotheses={matrix.hypotheses}
                columns={shownColumns}
                ratings={matrix.ratings[item.id]}
                diagnosticity={analysis.diagnosticity.get(item.id) ?? 0}
                activeColumn={row === focused.row ? focused.column : null}
                onFocusCell={noteFocus}
                onClickCell={focusCell}
                onEditItem={onEditItem}
              />
            );
          })}
        </div>
        <AchGridFooter hypotheses={matrix.hypotheses} columns={shownColumns} rowIndex={rows + 2} leaderId={leaderId} scoreOf={scoreOf} />
      </div>
    </div>
  );
}
