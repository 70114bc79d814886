import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACH_RATINGS, type AchRating } from '../../src/analysis/ach';
import { gridKeyAction, type GridCell, type GridKey } from '../../src/analysis/ach-grid-keys';
import {
  EMPTY_HISTORY,
  forgetChange,
  inverseOf,
  recordChange,
  settleRedo,
  settleUndo,
  takeRedo,
  takeUndo,
  type RatingChange,
  type RatingHistory,
} from '../../src/analysis/rating-history';

/**
 * Property: any key sequence in the ratings grid, run as the grid runs it (the key handler, then a
 * rating through the undo history, the host accepting or refusing each write), keeps the focus in
 * the grid and every cell on Heuer's scale, and undoing everything brings back the matrix as it
 * was; redoing everything brings back where it got to.
 */
const RUNS = Number(process.env.WARRANT_FUZZ_RUNS ?? 300);

const named = fc.constantFrom(
  'c',
  'C',
  'i',
  'I',
  'n',
  'N',
  'z',
  'Z',
  'y',
  'Y',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Delete',
  'Backspace',
  'Tab',
  'Enter',
  'Escape',
  ' ',
  'Dead',
  'Unidentified',
);
const keyPress: fc.Arbitrary<GridKey> = fc.record({
  key: fc.oneof({ weight: 4, arbitrary: named }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }),
  shift: fc.boolean(),
  mod: fc.boolean(),
  alt: fc.boolean(),
});
/** Each key with whether the host accepts the write it causes (a refusal stands for a conflict or a full disk). */
const session = fc.record({
  rows: fc.integer({ min: 1, max: 12 }),
  columns: fc.integer({ min: 1, max: 8 }),
  presses: fc.array(fc.tuple(keyPress, fc.boolean(), fc.boolean()), { maxLength: 150 }),
});

class GridModel {
  readonly ratings = new Map<string, AchRating>();
  history: RatingHistory = EMPTY_HISTORY;
  at: GridCell = { row: 0, column: 0 };

  constructor(
    readonly rows: number,
    readonly columns: number,
  ) {}

  rating(itemId: string, hypothesisId: string): AchRating {
    return this.ratings.get(`${itemId}|${hypothesisId}`) ?? 'N';
  }

  /** The host's write: refused when told to, or when the cell no longer holds what was seen. */
  apply(change: RatingChange, accepted: boolean): boolean {
    if (!accepted || this.rating(change.itemId, change.hypothesisId) !== change.from) return false;
    this.ratings.set(`${change.itemId}|${change.hypothesisId}`, change.to);
    return true;
  }

  press(key: GridKey, accepted: boolean): void {
    const action = gridKeyAction(key, this.at, this.rows, this.columns);
    if (!action) return;
    if (action.kind === 'move') this.at = action.to;
    else if (action.kind === 'undo') {
      const taken = takeUndo(this.history);
      if (taken) this.history = settleUndo(taken.history, taken.change, this.apply(inverseOf(taken.change), accepted));
    } else if (action.kind === 'redo') {
      const taken = takeRedo(this.history);
      if (taken) this.history = settleRedo(taken.history, taken.change, this.apply(taken.change, accepted));
    } else {
      expect(ACH_RATINGS).toContain(action.rating);
      const change = { itemId: `e${this.at.row}`, hypothesisId: `h${this.at.column}`, from: 'N' as AchRating, to: action.rating };
      change.from = this.rating(change.itemId, change.hypothesisId);
      if (change.from !== change.to) {
        this.history = recordChange(this.history, change);
        if (!this.apply(change, accepted)) this.history = forgetChange(this.history, change);
      }
      this.at = action.next;
    }
  }

  inBounds(): boolean {
    return this.at.row >= 0 && this.at.row < this.rows && this.at.column >= 0 && this.at.column < this.columns;
  }

  snapshot(): string {
    return JSON.stringify([...this.ratings].filter(([, rating]) => rating !== 'N').sort());
  }
}

describe('the ratings grid under generated key sequences', () => {
  it(`keeps focus inside and every rating on the scale, and undo/redo retrace every change (${RUNS} sessions)`, () => {
    fc.assert(
      fc.property(session, ({ rows, columns, presses }) => {
        const grid = new GridModel(rows, columns);
        for (const [key, accepted] of presses) {
          grid.press(key, accepted);
          if (!grid.inBounds()) throw new Error(`focus left the grid: ${JSON.stringify(grid.at)} of ${rows} × ${columns}`);
        }
        for (const rating of grid.ratings.values()) if (!ACH_RATINGS.includes(rating)) throw new Error(`off the scale: ${rating}`);
        const reached = grid.snapshot();
        const undo = { key: 'z', shift: false, mod: true, alt: false };
        const redo = { key: 'y', shift: false, mod: true, alt: false };
        const depth = grid.history.done.length;
        for (let i = 0; i < depth; i += 1) grid.press(undo, true);
        expect(grid.snapshot()).toBe('[]');
        for (let i = 0; i < depth; i += 1) grid.press(redo, true);
        expect(grid.snapshot()).toBe(reached);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves a grid with no rows or no columns alone whatever the key', () => {
    fc.assert(
      fc.property(keyPress, fc.nat(5), fc.nat(5), (key, rows, columns) => {
        fc.pre(rows === 0 || columns === 0);
        expect(gridKeyAction(key, { row: 0, column: 0 }, rows, columns)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
