import type { z } from 'zod';

/**
 * What of the open workspace's storage a successful call writes; the storage guard acts on it.
 * - `workspace`: the workspace file. Refused when the session is read-only (another Warrant holds
 *   the file) and when the file was deleted or replaced under the app.
 * - `backups`: the workspace's backups folder (backing up, restoring). That is the lock holder's
 *   business alone, so refused read-only; it works when the file is gone (restoring is the cure).
 * - `none`: neither. Reads, and switching to another workspace, which must work read-only and
 *   when this file is gone.
 */
export type StorageWrites = 'workspace' | 'backups' | 'none';

/** Storage and epoch policy declared beside an operation, instead of in name lists in the hosts. */
export interface OperationPolicy {
  /** Default: `workspace` for a command, `none` for a query. */
  readonly writes?: StorageWrites;
  /** A successful call replaces the open workspace (restore, switch): the page adopts its new epoch. */
  readonly changesEpoch?: boolean;
  /**
   * Answered whatever epoch the caller is on (the page learns the new epoch from it, or watches a
   * job that was already running). Every other call is refused on a stale epoch.
   */
  readonly epochFree?: boolean;
  /**
   * A command that records where the analyst is rather than her work (the last place): it writes
   * the workspace but never shows as saving, so the save state speaks only of her changes.
   */
  readonly unseen?: boolean;
}

/** Storage policy declared beside a job. */
export interface JobPolicy {
  /** Default: `none` (the job reads the workspace, like Save a copy or an export). */
  readonly writes?: StorageWrites;
}

/** One request/response operation of the contract. */
export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One line for humans: what the operation does. */
  readonly doc: string;
  readonly input: I;
  readonly output: O;
  /** True when a successful call changes the workspace (drives the UI's save state). */
  readonly mutates: boolean;
  readonly writes: StorageWrites;
  readonly changesEpoch: boolean;
  readonly epochFree: boolean;
}

/** A long-running operation: started, reports progress, can be cancelled, ends with a result. */
export interface JobSpec<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly doc: string;
  readonly input: I;
  readonly result: R;
  readonly writes: StorageWrites;
}

function operation<I extends z.ZodType, O extends z.ZodType>(
  doc: string,
  input: I,
  output: O,
  mutates: boolean,
  policy: OperationPolicy,
): OperationSpec<I, O> {
  return {
    doc,
    input,
    output,
    mutates,
    writes: policy.writes ?? (mutates ? 'workspace' : 'none'),
    changesEpoch: policy.changesEpoch ?? false,
    epochFree: policy.epochFree ?? false,
  };
}

export function query<I extends z.ZodType, O extends z.ZodType>(
  doc: string,
  input: I,
  output: O,
  policy: OperationPolicy = {},
): OperationSpec<I, O> {
  return operation(doc, input, output, false, policy);
}

export function command<I extends z.ZodType, O extends z.ZodType>(
  doc: string,
  input: I,
  output: O,
  policy: OperationPolicy = {},
): OperationSpec<I, O> {
  return { ...operation(doc, input, output, true, policy), mutates: !policy.unseen };
}

export function job<I extends z.ZodType, R extends z.ZodType>(doc: string, input: I, result: R, policy: JobPolicy = {}): JobSpec<I, R> {
  return { doc, input, result, writes: policy.writes ?? 'none' };
}
