import { useCallback, useRef } from 'react';
import type { AchRating } from '../../src/analysis/ach';

/** One rating change as the analyst made it: undoing sets `from` again, expecting `to` in the cell. */
export interface RatingChange {
  itemId: string;
  hypothesisId: string;
  from: AchRating;
  to: AchRating;
}

/** How many changes undo reaches back (a session's worth of rating). */
const DEPTH = 200;

/**
 * Undo and redo of the grid's ratings: two stacks of changes; a new change clears the redo stack.
 * A change is on the stack from the moment it is made, not when the host confirms it, so Ctrl+Z
 * right after a key press undoes that press; one the host refused is taken off again.
 */
export function useRatingHistory(apply: (change: RatingChange) => Promise<boolean>): {
  change: (change: RatingChange) => void;
  undo: () => void;
  redo: () => void;
} {
  const done = useRef<RatingChange[]>([]);
  const undone = useRef<RatingChange[]>([]);
  const change = useCallback(
    (made: RatingChange) => {
      done.current = [...done.current.slice(-(DEPTH - 1)), made];
      undone.current = [];
      void apply(made).then((ok) => {
        if (!ok) done.current = done.current.filter((entry) => entry !== made);
      });
    },
    [apply],
  );
  const undo = useCallback(() => {
    const change = done.current.pop();
    if (!change) return;
    void apply({ ...change, from: change.to, to: change.from }).then((ok) => {
      if (ok) undone.current.push(change);
      else done.current.push(change);
    });
  }, [apply]);
  const redo = useCallback(() => {
    const change = undone.current.pop();
    if (!change) return;
    void apply(change).then((ok) => {
      if (ok) done.current.push(change);
      else undone.current.push(change);
    });
  }, [apply]);
  return { change, undo, redo };
}
