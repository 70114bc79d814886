import { useState } from 'react';
import type { Conflict } from './conflict';

/**
 * For a form that edits a stored record: the version the edit started from, and the other side
 * of a save refused because the record changed elsewhere. The version moves on only once the
 * analyst has chosen which side to keep.
 */
export function useVersionedEdit<T>(startVersion: number) {
  const [baseVersion, setBaseVersion] = useState(startVersion);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const settle = (newer: Conflict<T>): void => {
    setBaseVersion(newer.version);
    setConflict(null);
  };
  return {
    baseVersion,
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
