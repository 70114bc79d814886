// Free of zod, so a host can open a workspace and start serving before any schema is built
// (`warrant web` prints its address first); src/contract/errors.ts re-exports both names.
import type { ErrorCode } from './error-codes';
import type { ErrorPayload } from './errors';

/** A failure raised by core, store or host code; serialised as an {@link ErrorPayload}. */
export class WarrantError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorPayload['details'];

  constructor(code: ErrorCode, message: string, details?: ErrorPayload['details']) {
    super(message);
    this.name = 'WarrantError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Normalises anything thrown into the wire shape, hiding internals of unexpected errors. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof WarrantError) return error.toPayload();
  return { code: 'internal', message: 'Something went wrong inside Warrant. Nothing was changed by this action.' };
}
