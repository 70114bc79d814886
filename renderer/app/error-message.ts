import { ContractError } from '../../src/contract/client';

/** The user-facing message of anything a contract call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ContractError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Field-level messages of an invalid-input error, keyed by field path. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ContractError && error.payload.code === 'invalid_input' ? (error.payload.details?.fields ?? {}) : {};
}

/** True for a `conflict`: another tab, window or host wrote first, and nothing was saved. */
export function isConflict(error: unknown): error is ContractError {
  return error instanceof ContractError && error.payload.code === 'conflict';
}

/** The typed error code of a contract failure (null for anything else, e.g. a lost connection). */
export function errorCodeOf(error: unknown): string | null {
  return error instanceof ContractError ? error.payload.code : null;
}
