import { useCallback, useRef } from 'react';
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

export type { RatingChange } from '../../src/analysis/rating-history';

/**
 * Undo and redo of the grid's ratings (the stacks are src/analysis/rating-history.ts). A change is
 * on the stack from the moment it is made, not when the host confirms it, so Ctrl+Z right after a
 * key press undoes that press; one the host refused is taken off again.
 */
export function useRatingHistory(apply: (change: RatingChange) => Promise<boolean>): {
  change: (change: RatingChange) => void;
  undo: () => void;
  redo: () => void;
} {
  const history = useRef<RatingHistory>(EMPTY_HISTORY);
  const change = useCallback(
    (made: RatingChange) => {
      history.current = recordChange(history.current, made);
      void apply(made).then((ok) => {
        if (!ok) history.current = forgetChange(history.current, made);
      });
    },
    [apply],
  );
  const undo = useCallback(() => {
    const taken = takeUndo(history.current);
    if (!taken) return;
    history.current = taken.history;
    void apply(inverseOf(taken.change)).then((ok) => {
      history.current = settleUndo(history.current, taken.change, ok);
    });
  }, [apply]);
  const redo = useCallback(() => {
    const taken = takeRedo(history.current);
    if (!taken) return;
    history.current = taken.history;
    void apply(taken.change).then((ok) => {
      history.current = settleRedo(history.current, taken.change, ok);
    });
  }, [apply]);
  return { change, undo, redo };
}
