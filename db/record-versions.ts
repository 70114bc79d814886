import { WarrantError } from '../src/contract/errors';

/**
 * Refuses an edit that started from an older version than the stored one (another tab, window
 * or program saved in between). The error carries the stored record so the UI can show both.
 * `expected` undefined means the caller does not edit from a loaded copy (imports, scripts).
 */
export function assertVersion(what: string, expected: number | undefined, stored: number, current: () => unknown): void {
  if (expected === undefined || expected === stored) return;
  throw new WarrantError(
    'conflict',
    `${what} was changed elsewhere (in another tab, window or program) after you opened it, so your changes were not saved. Both versions are shown: keep yours or take the stored one.`,
    { version: stored, current: current() },
  );
}
