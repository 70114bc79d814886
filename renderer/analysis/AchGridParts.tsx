import { memo, type CSSProperties } from 'react';
import type { AchRating, HypothesisScore } from '../../src/analysis/ach';
import type { GridCell } from '../../src/analysis/ach-grid-keys';
import { ACH_ITEM_KIND_LABELS, type AchHypothesis, type AchItemRecord } from '../../src/domain/ach';
import { FIXED_WIDTH, GRID } from './grid-geometry';
import { RATING_LABELS, scoreText, WEIGHT_LABELS } from './rating-labels';

/** Where hypothesis column `column` sits in a row (the fixed columns come first). */
const columnLeft = (column: number): number => FIXED_WIDTH + column * GRID.cellWidth;
const placed = (left: number, width: number): CSSProperties => ({ left, width });

interface RowProps {
  item: AchItemRecord;
  /** The row as shown (0-based, after any sorting). */
  row: number;
  hypotheses: readonly AchHypothesis[];
  /** The hypothesis columns rendered: the visible ones and the focused one. */
  columns: readonly number[];
  ratings: Readonly<Record<string, AchRating>> | undefined;
  diagnosticity: number;
  /** The focused column when the focused cell is in this row. */
  activeColumn: number | null;
  onFocusCell: (cell: GridCell) => void;
  onClickCell: (cell: GridCell) => void;
  onEditItem: (item: AchItemRecord) => void;
}

/**
 * One item's row. Memoised on its own ratings (a rating replaces only its row's object in the
 * cache) and the rendered columns, so rating a cell re-renders one row, and scrolling sideways
 * only the ~20 rows in view.
 */
export const AchGridRow = memo(function AchGridRow({
  item,
  row,
  hypotheses,
  columns,
  ratings,
  diagnosticity,
  activeColumn,
  onFocusCell,
  onClickCell,
  onEditItem,
}: RowProps) {
  const relevance = WEIGHT_LABELS[item.relevance];
  const credibility = WEIGHT_LABELS[item.credibility].toLowerCase();
  const byHand = item.credibilityOverride ? ' (set by hand)' : '';
  // The column's heading names the two scales, so the button shows only their values; its name
  // starts with those words, so what is on screen reaches it, and then names the scales.
  const weights = `${relevance} · ${credibility}${byHand}`;
  const weightsSpelled = `${relevance.toLowerCase()} relevance, ${credibility} credibility`;
  return (
    <div
      role="row"
      aria-rowindex={row + 2}
      className={`ach-row${diagnosticity === 0 ? ' ach-undiagnostic' : ''}`}
      style={{ transform: `translateY(${row * GRID.rowHeight}px)` }}
    >
      <div role="rowheader" aria-colindex={1} className="ach-item" title={item.text}>
        <div className="ach-item-clamp">
          <span className="ach-kind">{ACH_ITEM_KIND_LABELS[item.kind]}</span>
          {item.state !== 'live' && <span className="ach-state"> ({item.state === 'trashed' ? 'in the trash' : 'deleted'})</span>}{' '}
          <span className="ach-item-text">{item.text}</span>
          {item.sourceTitle && item.kind === 'quote' && <span className="muted"> — {item.sourceTitle}</span>}
        </div>
      </div>
      <div role="gridcell" aria-colindex={2} className="ach-fixed" style={placed(GRID.itemWidth, GRID.weightWidth)}>
        <button
          type="button"
          className="link-button"
          onClick={() => onEditItem(item)}
          aria-label={`${weights}: ${weightsSpelled}. Weigh “${item.text}”`}
        >
          {weights}
        </button>
      </div>
      <div
        role="gridcell"
        aria-colindex={3}
        className="ach-fixed"
        style={placed(GRID.itemWidth + GRID.weightWidth, GRID.diagnosticityWidth)}
      >
        {diagnosticity === 0 ? (
          <span title="Rated alike against every hypothesis: it cannot tell them apart">none</span>
        ) : (
          scoreText(diagnosticity)
        )}
      </div>
      {columns.map((column) => {
        const hypothesis = hypotheses[column];
        if (!hypothesis) return null;
        const rating = ratings?.[hypothesis.id] ?? 'N';
        return (
          <div
            key={hypothesis.id}
            role="gridcell"
            aria-colindex={column + 4}
            data-cell={`${row}:${column}`}
            data-rating={rating}
            tabIndex={column === activeColumn ? 0 : -1}
            className={`ach-cell ach-${rating.toLowerCase()}`}
            style={placed(columnLeft(column), GRID.cellWidth)}
            aria-label={`${rating === 'N' ? '' : `${rating}, `}${RATING_LABELS[rating]}: “${item.text.slice(0, 60)}” against H${column + 1}`}
            onFocus={() => onFocusCell({ row, column })}
            onClick={() => onClickCell({ row, column })}
          >
            {rating === 'N' ? '·' : rating}
          </div>
        );
      })}
    </div>
  );
});

/** The column headers: sticky at the top, the item column's also at the left. */
export function AchGridHeader({
  hypotheses,
  columns,
  leaderId,
}: {
  hypotheses: readonly AchHypothesis[];
  columns: readonly number[];
  leaderId: string | null;
}) {
  return (
    <div role="rowgroup" className="ach-head">
      <div role="row" aria-rowindex={1} className="ach-row ach-head-row">
        <div role="columnheader" aria-colindex={1} className="ach-item">
          Evidence
        </div>
        <div role="columnheader" aria-colindex={2} className="ach-fixed" style={placed(GRID.itemWidth, GRID.weightWidth)}>
          Relevance · credibility
        </div>
        <div
          role="columnheader"
          aria-colindex={3}
          className="ach-fixed"
          style={placed(GRID.itemWidth + GRID.weightWidth, GRID.diagnosticityWidth)}
        >
          Diagnosticity
        </div>
        {columns.map((column) => {
          const hypothesis = hypotheses[column];
          if (!hypothesis) return null;
          const leads = hypothesis.id === leaderId;
          return (
            <div
              key={hypothesis.id}
              role="columnheader"
              aria-colindex={column + 4}
              className={`ach-fixed ach-h${leads ? ' ach-leader' : ''}`}
              style={placed(columnLeft(column), GRID.cellWidth)}
              title={hypothesis.text}
            >
              <span className="ach-h-number">H{column + 1}</span>
              {leads && <span className="ach-badge"> leads</span>} <span className="ach-h-text">{hypothesis.text}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The scores row: sticky at the bottom, so each column's score stays beside its ratings. */
export function AchGridFooter({
  hypotheses,
  columns,
  rowIndex,
  leaderId,
  scoreOf,
}: {
  hypotheses: readonly AchHypothesis[];
  columns: readonly number[];
  rowIndex: number;
  leaderId: string | null;
  scoreOf: ReadonlyMap<string, HypothesisScore>;
}) {
  return (
    <div role="rowgroup" className="ach-foot">
      <div role="row" aria-rowindex={rowIndex} className="ach-row ach-foot-row">
        <div role="rowheader" aria-colindex={1} className="ach-item">
          Weighted inconsistency (lower is stronger)
        </div>
        {columns.map((column) => {
          const hypothesis = hypotheses[column];
          if (!hypothesis) return null;
          const score = scoreOf.get(hypothesis.id);
          return (
            <div
              key={hypothesis.id}
              role="gridcell"
              aria-colindex={column + 4}
              className={`ach-fixed ach-score${hypothesis.id === leaderId ? ' ach-leader' : ''}`}
              style={placed(columnLeft(column), GRID.cellWidth)}
            >
              {scoreText(score?.weightedInconsistency ?? 0)}
              <span className="ach-counts">
                {' '}
                ({score?.counts.I ?? 0} I, {score?.counts.II ?? 0} II)
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
