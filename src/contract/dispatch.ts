import { invalidInput, toErrorPayload, WarrantError, type ErrorPayload, type WireResult } from './errors';
import type { Handlers, JobHandlers } from './handlers';
import { JOB_LABELS } from './handlers';
import type { JobControl, JobManager } from './job-manager';
import { isJobName, isOperationName, jobs, operations } from './operations';

/** The single entry point every transport hands untrusted calls to. */
export interface Dispatcher {
  /**
   * Validates `payload` against the operation's schema, runs it and validates what it returns.
   * `epoch`, when the caller sends one, must be the open workspace's current epoch.
   */
  call(name: string, payload: unknown, epoch?: string): Promise<WireResult>;
  /** Validates `payload` against the job's schema and starts it; the value is `{ jobId }`. */
  startJob(name: string, payload: unknown, epoch?: string): WireResult<{ jobId: string }>;
}

/** The open workspace's epoch: it changes whenever the workspace is restored or switched. */
export interface EpochSource {
  current(): string;
  /** What a page still on an older epoch is told (restored, or switched). */
  staleMessage(): string;
}

/**
 * Calls the contract declares `epochFree` (host.info, jobs.get, jobs.cancel) are answered
 * whatever the epoch: the page learns the new epoch from host.info, and jobs already running may
 * still be watched or cancelled. Every other call, reads included, is refused on a stale epoch: a
 * page built from the replaced workspace would mix its records with the new one's, and refusing at
 * the first contact shows the reload banner before anything is typed.
 */
function isEpochFree(name: string): boolean {
  return isOperationName(name) && operations[name].epochFree;
}

export interface DispatcherOptions {
  /** Told about unexpected (non-Warrant) errors; never about user data. */
  onInternalError?: (operation: string, error: unknown) => void;
  /** Checks the epoch calls carry; without it (the CLI, tests) epochs are not checked. */
  epoch?: EpochSource;
}

export function createDispatcher(
  handlers: Handlers,
  jobHandlers: JobHandlers,
  jobManager: JobManager,
  options: DispatcherOptions = {},
): Dispatcher {
  const report = (operation: string, error: unknown): void => {
    if (!(error instanceof WarrantError)) options.onInternalError?.(operation, error);
  };

  const staleness = (name: string, epoch: string | undefined): { ok: false; error: ErrorPayload } | null => {
    if (epoch === undefined || !options.epoch || isEpochFree(name) || epoch === options.epoch.current()) return null;
    return { ok: false, error: { code: 'workspace_stale', message: options.epoch.staleMessage() } };
  };

  return {
    async call(name, payload, epoch) {
      const stale = staleness(name, epoch);
      if (stale) return stale;
      if (!isOperationName(name)) {
        return { ok: false, error: { code: 'unknown_operation', message: `There is no operation called “${String(name).slice(0, 80)}”.` } };
      }
      const spec = operations[name];
      const parsed = spec.input.safeParse(payload ?? {});
      if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues).toPayload() };
      try {
        // The map is keyed by the same name, so the handler's input type matches `parsed.data`.
        const handler = handlers[name] as (input: unknown) => unknown;
        const value: unknown = await handler(parsed.data);
        const checked = spec.output.safeParse(value);
        if (!checked.success) throw new Error(`Operation ${name} returned a value outside its contract.`);
        return { ok: true, value: checked.data };
      } catch (error) {
        report(name, error);
        return { ok: false, error: toErrorPayload(error) };
      }
    },

    startJob(name, payload, epoch) {
      const stale = staleness(name, epoch);
      if (stale) return stale;
      if (!isJobName(name)) {
        return { ok: false, error: { code: 'unknown_operation', message: `There is no job called “${String(name).slice(0, 80)}”.` } };
      }
      const spec = jobs[name];
      const parsed = spec.input.safeParse(payload ?? {});
      if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues).toPayload() };
      // The map is keyed by the same name, so the handler's input type matches `parsed.data`.
      const handler = jobHandlers[name] as (input: unknown, control: JobControl) => Promise<unknown>;
      const jobId = jobManager.start(name, JOB_LABELS[name], async (control) => {
        try {
          return spec.result.parse(await handler(parsed.data, control));
        } catch (error) {
          report(name, error);
          throw error;
        }
      });
      return { ok: true, value: { jobId } };
    },
  };
}
