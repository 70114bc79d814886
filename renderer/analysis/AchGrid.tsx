import { memo, useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { AchRating, MatrixAnalysis } from '../../src/analysis/ach';
import { gridKeyAction, type GridCell } from '../../src/analysis/ach-grid-keys';
import { ACH_ITEM_KIND_LABELS, type AchHypothesis, type AchItemRecord, type AchMatrixRecord } from '../../src/domain/ach';
import { PLATFORM } from '../commands/shortcut-labels';
import { RATING_LABELS, scoreText, WEIGHT_LABELS } from './rating-labels';

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

interface AchGridRowProps {
  item: AchItemRecord;
  row: number;
  hypotheses: readonly AchHypothesis[];
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
 * cache), so rating a cell of a 50 × 500 matrix renders one row and the scores, not 25,000 cells.
 */
const AchGridRow = memo(function AchGridRow({
  item,
  row,
  hypotheses,
  ratings,
  diagnosticity,
  activeColumn,
  onFocusCell,
  onClickCell,
  onEditItem,
}: AchGridRowProps) {
  return (
    <tr className={diagnosticity === 0 ? 'ach-undiagnostic' : undefined}>
      <th scope="row" className="ach-item">
        <span className="ach-kind">{ACH_ITEM_KIND_LABELS[item.kind]}</span>
        {item.state !== 'live' && <span className="ach-state"> ({item.state === 'trashed' ? 'in the trash' : 'deleted'})</span>}{' '}
        <span className="ach-item-text">{item.text}</span>
        {item.sourceTitle && item.kind === 'quote' && <span className="muted"> — {item.sourceTitle}</span>}
      </th>
      <td>
        <button type="button" className="link-button" onClick={() => onEditItem(item)} aria-label={`Weigh “${item.text}”`}>
          {WEIGHT_LABELS[item.relevance]} relevance · {WEIGHT_LABELS[item.credibility].toLowerCase()} credibility
          {item.credibilityOverride ? ' (set by hand)' : ''}
        </button>
      </td>
      <td>
        {diagnosticity === 0 ? (
          <span title="Rated alike against every hypothesis: it cannot tell them apart">none</span>
        ) : (
          scoreText(diagnosticity)
        )}
      </td>
      {hypotheses.map((hypothesis, column) => {
        const rating = ratings?.[hypothesis.id] ?? 'N';
        return (
          <td
            key={hypothesis.id}
            role="gridcell"
            data-cell={`${row}:${column}`}
            data-rating={rating}
            tabIndex={column === activeColumn ? 0 : -1}
            className={`ach-cell ach-${rating.toLowerCase()}`}
            aria-label={`${RATING_LABELS[rating]}: “${item.text.slice(0, 60)}” against H${column + 1}`}
            onFocus={() => onFocusCell({ row, column })}
            onClick={() => onClickCell({ row, column })}
          >
            {rating === 'N' ? '·' : rating}
          </td>
        );
      })}
    </tr>
  );
});

/**
 * The ratings grid: one row per evidence item, one column per hypothesis, a cell per rating. One
 * cell takes focus at a time (roving tabindex), so Tab leaves the grid and arrows move inside it;
 * typing C, I or N rates the cell and steps across the row.
 */
export function AchGrid({ matrix, analysis, readOnly, sortByDiagnosticity, onRate, onUndo, onRedo, onEditItem }: AchGridProps) {
  const [active, setActive] = useState<GridCell>({ row: 0, column: 0 });
  const table = useRef<HTMLTableElement>(null);
  const items = sortByDiagnosticity
    ? [...matrix.items].sort((a, b) => (analysis.diagnosticity.get(b.id) ?? 0) - (analysis.diagnosticity.get(a.id) ?? 0))
    : matrix.items;
  const rows = items.length;
  const columns = matrix.hypotheses.length;
  const focused = { row: Math.min(active.row, Math.max(0, rows - 1)), column: Math.min(active.column, Math.max(0, columns - 1)) };
  const leaderId = analysis.leader.hypothesisId;
  const scoreOf = new Map(analysis.scores.map((score) => [score.hypothesisId, score]));

  const focusCell = useCallback((cell: GridCell): void => {
    setActive(cell);
    table.current?.querySelector<HTMLElement>(`[data-cell="${cell.row}:${cell.column}"]`)?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
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

  return (
    <div className="ach-grid-scroll">
      <table
        ref={table}
        role="grid"
        className="ach-grid"
        aria-label="Ratings of the evidence against each hypothesis"
        aria-describedby="ach-grid-help"
        aria-rowcount={rows + 1}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            <th scope="col">Evidence</th>
            <th scope="col">Weight</th>
            <th scope="col">Diagnosticity</th>
            {matrix.hypotheses.map((hypothesis, column) => (
              <th key={hypothesis.id} scope="col" className={hypothesis.id === leaderId ? 'ach-leader' : undefined}>
                <span className="ach-h-number">H{column + 1}</span> {hypothesis.text}
                {hypothesis.id === leaderId && <span className="ach-badge"> leads</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item, row) => (
            <AchGridRow
              key={item.id}
              item={item}
              row={row}
              hypotheses={matrix.hypotheses}
              ratings={matrix.ratings[item.id]}
              diagnosticity={analysis.diagnosticity.get(item.id) ?? 0}
              activeColumn={row === focused.row ? focused.column : null}
              onFocusCell={setActive}
              onClickCell={focusCell}
              onEditItem={onEditItem}
            />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Weighted inconsistency (lower is stronger)
            </th>
            {matrix.hypotheses.map((hypothesis) => {
              const score = scoreOf.get(hypothesis.id);
              return (
                <td key={hypothesis.id} className={hypothesis.id === leaderId ? 'ach-leader' : undefined}>
                  {scoreText(score?.weightedInconsistency ?? 0)}
                  <span className="ach-counts">
                    {' '}
                    ({score?.counts.I ?? 0} I, {score?.counts.II ?? 0} II)
                  </span>
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
