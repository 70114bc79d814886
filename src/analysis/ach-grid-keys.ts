import type { AchRating } from './ach';

/** A cell of the grid: row is the evidence item, column the hypothesis. */
export interface GridCell {
  row: number;
  column: number;
}

export type GridKeyAction =
  | { kind: 'move'; to: GridCell }
  /** Rate the focused cell, then move to `next` (across the row, as Heuer works: one item against every hypothesis). */
  | { kind: 'rate'; rating: AchRating; next: GridCell }
  | { kind: 'undo' }
  | { kind: 'redo' };

export interface GridKey {
  key: string;
  shift: boolean;
  /** Ctrl, or Cmd on a Mac. */
  mod: boolean;
  alt: boolean;
}

/** The keys that rate, as the help line lists them. */
export const RATING_KEYS: Readonly<Record<string, AchRating>> = { c: 'C', C: 'CC', i: 'I', I: 'II', n: 'N' };

const clamp = (value: number, size: number): number => Math.max(0, Math.min(size - 1, value));

/** The cell after `at`, across the row and then on to the next row's first; the last cell stays. */
function nextAcross(at: GridCell, rows: number, columns: number): GridCell {
  if (at.column < columns - 1) return { row: at.row, column: at.column + 1 };
  if (at.row < rows - 1) return { row: at.row + 1, column: 0 };
  return at;
}

/**
 * What a key press in the ratings grid does: arrows, Home/End (Ctrl for the corners) and Page
 * keys move; C, I and N rate (Shift for CC and II; Delete or Backspace clear to N) and step across
 * the row; Ctrl+Z undoes and Ctrl+Y or Ctrl+Shift+Z redoes. Anything else is left to the browser.
 */
export function gridKeyAction(press: GridKey, at: GridCell, rows: number, columns: number): GridKeyAction | null {
  if (rows === 0 || columns === 0) return null;
  const move = (row: number, column: number): GridKeyAction => ({
    kind: 'move',
    to: { row: clamp(row, rows), column: clamp(column, columns) },
  });
  const key = press.key;
  if (press.mod && !press.alt) {
    const lower = key.toLowerCase();
    if (lower === 'z') return press.shift ? { kind: 'redo' } : { kind: 'undo' };
    if (lower === 'y' && !press.shift) return { kind: 'redo' };
    if (key === 'Home') return move(0, 0);
    if (key === 'End') return move(rows - 1, columns - 1);
    return null;
  }
  if (press.alt) return null;
  switch (key) {
    case 'ArrowUp':
      return move(at.row - 1, at.column);
    case 'ArrowDown':
      return move(at.row + 1, at.column);
    case 'ArrowLeft':
      return move(at.row, at.column - 1);
    case 'ArrowRight':
      return move(at.row, at.column + 1);
    case 'Home':
      return move(at.row, 0);
    case 'End':
      return move(at.row, columns - 1);
    case 'PageUp':
      return move(at.row - 10, at.column);
    case 'PageDown':
      return move(at.row + 10, at.column);
    case 'Delete':
    case 'Backspace':
      return { kind: 'rate', rating: 'N', next: at };
  }
  const letter = key.length === 1 ? (press.shift ? key.toUpperCase() : key.toLowerCase()) : '';
  const rating = RATING_KEYS[letter];
  return rating ? { kind: 'rate', rating, next: nextAcross(at, rows, columns) } : null;
}
