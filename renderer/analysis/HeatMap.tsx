import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ACH_RATINGS, type AchRating, type MatrixAnalysis } from '../../src/analysis/ach';
import { gridKeyAction, type GridCell } from '../../src/analysis/ach-grid-keys';
import type { AchMatrixRecord } from '../../src/domain/ach';
import { itemsInOrder } from './item-order';
import { RATING_LABELS, scoreText } from './rating-labels';

/**
 * Heuer's scale as colours a reader with red-green colour blindness still tells apart (blue for
 * consistent, red for inconsistent, darker for stronger); never the only cue: the letters show on
 * hover and focus, and the table below gives the counts.
 */
export const HEAT_COLOURS: Readonly<Record<AchRating, string>> = {
  CC: '#2166ac',
  C: '#92c5de',
  N: '#eeeeee',
  I: '#f4a582',
  II: '#b2182b',
};

/** Squares big enough to point at, small enough that 50 columns fit beside the library panel. */
const cellSizeFor = (columns: number): number => Math.max(6, Math.min(24, Math.floor(600 / Math.max(1, columns))));

/**
 * The matrix as a picture: a coloured square per cell (one canvas, not 25,000 elements), rows in
 * the grid's order or the most diagnostic first. Focusable: arrows move a marked cell and the line
 * under it reads out the item, the hypothesis and the rating.
 */
export function HeatMap({
  matrix,
  analysis,
  sortByDiagnosticity,
}: {
  matrix: AchMatrixRecord;
  analysis: MatrixAnalysis;
  sortByDiagnosticity: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const items = useMemo(() => itemsInOrder(matrix.items, analysis, sortByDiagnosticity), [matrix.items, analysis, sortByDiagnosticity]);
  const [pointed, setPointed] = useState<GridCell | null>(null);
  const [focused, setFocused] = useState(false);
  const rows = items.length;
  const columns = matrix.hypotheses.length;
  const size = cellSizeFor(columns);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const scale = window.devicePixelRatio || 1;
    element.width = columns * size * scale;
    element.height = rows * size * scale;
    context.scale(scale, scale);
    items.forEach((item, row) => {
      const ratings = matrix.ratings[item.id];
      matrix.hypotheses.forEach((hypothesis, column) => {
        context.fillStyle = HEAT_COLOURS[ratings?.[hypothesis.id] ?? 'N'];
        context.fillRect(column * size, row * size, size - 1, size - 1);
      });
    });
    if (pointed && focused) {
      context.strokeStyle = '#000';
      context.lineWidth = 2;
      context.strokeRect(pointed.column * size + 1, pointed.row * size + 1, size - 3, size - 3);
    }
  }, [items, matrix.ratings, matrix.hypotheses, rows, columns, size, pointed, focused]);

  const cellAt = (event: MouseEvent<HTMLCanvasElement>): GridCell | null => {
    const box = event.currentTarget.getBoundingClientRect();
    const row = Math.floor((event.clientY - box.top) / size);
    const column = Math.floor((event.clientX - box.left) / size);
    return row >= 0 && row < rows && column >= 0 && column < columns ? { row, column } : null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>): void => {
    const action = gridKeyAction(
      { key: event.key, shift: event.shiftKey, mod: event.ctrlKey || event.metaKey, alt: event.altKey },
      pointed ?? { row: 0, column: 0 },
      rows,
      columns,
    );
    if (action?.kind !== 'move') return;
    event.preventDefault();
    setPointed(action.to);
  };

  const item = pointed ? items[pointed.row] : undefined;
  const hypothesis = pointed ? matrix.hypotheses[pointed.column] : undefined;
  const rating = item && hypothesis ? (matrix.ratings[item.id]?.[hypothesis.id] ?? 'N') : null;
  if (rows === 0 || columns === 0) return <p className="empty-state">The heat map shows once the matrix has hypotheses and evidence.</p>;
  return (
    <div className="ach-heat">
      <ul className="ach-heat-legend" aria-label="Legend">
        {ACH_RATINGS.map((value) => (
          <li key={value}>
            <span className="ach-heat-swatch" style={{ background: HEAT_COLOURS[value] }} aria-hidden="true" />
            {value} {RATING_LABELS[value]}
          </li>
        ))}
      </ul>
      <div className="ach-heat-scroll">
        <canvas
          ref={canvas}
          tabIndex={0}
          role="img"
          aria-label={`Heat map of ${rows} items against ${columns} hypotheses; arrow keys read a cell, the table below counts the ratings`}
          aria-describedby="ach-heat-cell"
          style={{ width: columns * size, height: rows * size }}
          onMouseMove={(event) => setPointed(cellAt(event))}
          onMouseLeave={() => setPointed(null)}
          onFocus={() => {
            setFocused(true);
            setPointed((now) => now ?? { row: 0, column: 0 });
          }}
          onBlur={() => setFocused(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p id="ach-heat-cell" className="ach-heat-cell" aria-live="polite">
        {item && hypothesis && rating && pointed
          ? `“${item.text.slice(0, 80)}” against H${pointed.column + 1}: ${rating}, ${RATING_LABELS[rating]}`
          : 'Point at a square, or focus the picture and use the arrow keys, to read its rating.'}
      </p>
      <table className="ach-heat-summary">
        <caption>Ratings per hypothesis</caption>
        <thead>
          <tr>
            <th scope="col">Hypothesis</th>
            {ACH_RATINGS.map((value) => (
              <th key={value} scope="col">
                {value}
              </th>
            ))}
            <th scope="col">Weighted inconsistency</th>
          </tr>
        </thead>
        <tbody>
          {matrix.hypotheses.map((h, column) => {
            const score = analysis.scores.find((entry) => entry.hypothesisId === h.id);
            return (
              <tr key={h.id}>
                <th scope="row">
                  H{column + 1} {h.text}
                  {h.id === analysis.leader.hypothesisId ? ' (leads)' : ''}
                </th>
                {ACH_RATINGS.map((value) => (
                  <td key={value}>{score?.counts[value] ?? 0}</td>
                ))}
                <td>{scoreText(score?.weightedInconsistency ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
