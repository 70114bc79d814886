import { useState } from 'react';
import type { Conflict } from './conflict';

/**
 * For a form that edits a stored record: the version the edit started from and the record as it
 * was then (a save sends both, so only the fields changed from it are written), and the other side
 * of a save refused because the record changed elsewhere. Both move on only once the analyst has
 * chosen which side to keep.
 */
export function useVersionedEdit<T>(startVersion: number, startRecord: T | null = null) {
  const [base, setBase] = useState({ version: startVersion, record: startRecord });
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const settle = (newer: Conflict<T>): void => {
    setBase({ version: newer.version, record: newer.stored });
    setConflict(null);
  };
  return {
    baseVersion: base.version,
    /** The record the form's values started from (null for a new one). */
    baseRecord: base.record,
    conflict,
    /** Shows a refused save's other side (null clears it). */
    setConflict,
    /** Keeping mine: returns the version to re-submit against. */
    keepMine: (newer: Conflict<T>): number => {
      settle(newer);
      return newer.version;
    },
    /** Taking the stored record: returns it for the form to show. */
    takeStored: (newer: Conflict<T>): T => {
      settle(newer);
      return newer.stored;
    },
  };
}
