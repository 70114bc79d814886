import { describe, expect, it } from 'vitest';
import { gridKeyAction, type GridKey } from '../../src/analysis/ach-grid-keys';

const press = (key: string, extra: Partial<GridKey> = {}): GridKey => ({ key, shift: false, mod: false, alt: false, ...extra });
const at = { row: 1, column: 1 };

describe('the ACH grid keys', () => {
  it('rate with C, I and N (Shift for CC and II), stepping across the row and on to the next', () => {
    expect(gridKeyAction(press('c'), at, 3, 3)).toEqual({ kind: 'rate', rating: 'C', next: { row: 1, column: 2 } });
    expect(gridKeyAction(press('C', { shift: true }), at, 3, 3)).toMatchObject({ rating: 'CC' });
    expect(gridKeyAction(press('i'), at, 3, 3)).toMatchObject({ rating: 'I' });
    expect(gridKeyAction(press('I', { shift: true }), at, 3, 3)).toMatchObject({ rating: 'II' });
    // Caps Lock without Shift is still the single rating.
    expect(gridKeyAction(press('I'), at, 3, 3)).toMatchObject({ rating: 'I' });
    expect(gridKeyAction(press('n'), { row: 1, column: 2 }, 3, 3)).toEqual({ kind: 'rate', rating: 'N', next: { row: 2, column: 0 } });
    expect(gridKeyAction(press('n'), { row: 2, column: 2 }, 3, 3)).toMatchObject({ next: { row: 2, column: 2 } });
    expect(gridKeyAction(press('Delete'), at, 3, 3)).toEqual({ kind: 'rate', rating: 'N', next: at });
  });

  it('move with arrows, Home/End and Page keys without leaving the grid', () => {
    expect(gridKeyAction(press('ArrowUp'), { row: 0, column: 0 }, 3, 3)).toEqual({ kind: 'move', to: { row: 0, column: 0 } });
    expect(gridKeyAction(press('ArrowRight'), at, 3, 3)).toEqual({ kind: 'move', to: { row: 1, column: 2 } });
    expect(gridKeyAction(press('End'), at, 3, 4)).toEqual({ kind: 'move', to: { row: 1, column: 3 } });
    expect(gridKeyAction(press('End', { mod: true }), at, 3, 4)).toEqual({ kind: 'move', to: { row: 2, column: 3 } });
    expect(gridKeyAction(press('PageDown'), at, 30, 3)).toEqual({ kind: 'move', to: { row: 11, column: 1 } });
  });

  it('undo and redo with the usual chords, and leave every other key alone', () => {
    expect(gridKeyAction(press('z', { mod: true }), at, 3, 3)).toEqual({ kind: 'undo' });
    expect(gridKeyAction(press('Z', { mod: true, shift: true }), at, 3, 3)).toEqual({ kind: 'redo' });
    expect(gridKeyAction(press('y', { mod: true }), at, 3, 3)).toEqual({ kind: 'redo' });
    for (const key of ['x', 'Tab', 'Enter', ' ', 'F2']) expect(gridKeyAction(press(key), at, 3, 3)).toBeNull();
    expect(gridKeyAction(press('c', { alt: true }), at, 3, 3)).toBeNull();
    expect(gridKeyAction(press('c'), at, 0, 3)).toBeNull();
  });
});
