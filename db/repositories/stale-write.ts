import { WarrantError } from '../../src/contract/errors';

/**
 * Refuses a write that started from an older version than the stored one (call it inside the
 * write's transaction, before anything is written). `baseVersion` is undefined only for writers
 * inside this process that own the workspace outright (the sample builder, fixtures, the CLI).
 */
export function refuseStaleWrite(baseVersion: number | undefined, stored: number, current: () => unknown, message: string): void {
  if (baseVersion === undefined || baseVersion === stored) return;
  throw new WarrantError('conflict', message, { version: stored, current: current() });
}
