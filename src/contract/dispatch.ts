import { invalidInput, toErrorPayload, WarrantError, type WireResult } from './errors';
import type { Handlers, JobHandlers } from './handlers';
import { JOB_LABELS } from './handlers';
import type { JobControl, JobManager } from './job-manager';
import { isJobName, isOperationName, jobs, operations } from './operations';

/** The single entry point every transport hands untrusted calls to. */
export interface Dispatcher {
  /** Validates `payload` against the operation's schema, runs it and validates what it returns. */
  call(name: string, payload: unknown): Promise<WireResult>;
  /** Validates `payload` against the job's schema and starts it; the value is `{ jobId }`. */
  startJob(name: string, payload: unknown): WireResult<{ jobId: string }>;
}

export interface DispatcherOptions {
  /** Told about unexpected (non-Warrant) errors; never about user data. */
  onInternalError?: (operation: string, error: unknown) => void;
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

  return {
    async call(name, payload) {
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

    startJob(name, payload) {
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
