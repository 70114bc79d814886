import type { AchRating } from './ach';

/** One rating change as the analyst made it: undoing sets `from` again, expecting `to` in the cell. */
export interface RatingChange {
  itemId: string;
  hypothesisId: string;
  from: AchRating;
  to: AchRating;
}

/** Changes that undo reaches back to (newest last) and those undone that redo can make again. */
export interface RatingHistory {
  done: readonly RatingChange[];
  undone: readonly RatingChange[];
}

/** How many changes undo reaches back (a session's worth of rating). */
export const HISTORY_DEPTH = 200;

export const EMPTY_HISTORY: RatingHistory = { done: [], undone: [] };

/** The change that takes `change` back. */
export const inverseOf = (change: RatingChange): RatingChange => ({ ...change, from: change.to, to: change.from });

/** A new change goes on the undo stack at once (so undo right after a key press reaches it) and clears redo. */
export function recordChange(history: RatingHistory, change: RatingChange): RatingHistory {
  return { done: [...history.done.slice(-(HISTORY_DEPTH - 1)), change], undone: [] };
}

/** A change the host refused comes off the undo stack again: it never happened. */
export function forgetChange(history: RatingHistory, change: RatingChange): RatingHistory {
  return { ...history, done: history.done.filter((entry) => entry !== change) };
}

/**
 * Undo (or redo) in two steps, as the host answers in between: `take` removes the newest change
 * from its stack and says which to apply; `settle` puts it on the other stack once applied, or
 * back on its own when the host refused it.
 */
export function takeUndo(history: RatingHistory): { history: RatingHistory; change: RatingChange } | null {
  const change = history.done.at(-1);
  return change ? { history: { ...history, done: history.done.slice(0, -1) }, change } : null;
}

export function settleUndo(history: RatingHistory, change: RatingChange, applied: boolean): RatingHistory {
  return applied ? { ...history, undone: [...history.undone, change] } : { ...history, done: [...history.done, change] };
}

export function takeRedo(history: RatingHistory): { history: RatingHistory; change: RatingChange } | null {
  const change = history.undone.at(-1);
  return change ? { history: { ...history, undone: history.undone.slice(0, -1) }, change } : null;
}

export function settleRedo(history: RatingHistory, change: RatingChange, applied: boolean): RatingHistory {
  return applied ? { ...history, done: [...history.done, change] } : { ...history, undone: [...history.undone, change] };
}
