import { z } from 'zod';
import { ERROR_CODES } from './error-codes';
import { WarrantError } from './warrant-error';

export { ERROR_CODES, type ErrorCode } from './error-codes';
export { toErrorPayload, WarrantError } from './warrant-error';

export const ErrorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z
    .object({
      /** Field path (dot-separated) → what is wrong with it, phrased for the user. */
      fields: z.record(z.string(), z.string()).optional(),
      /** For `conflict`: the version now stored, and the stored record as the read operation returns it. */
      version: z.number().int().optional(),
      current: z.unknown().optional(),
      /**
       * For a refused `workspace_unavailable`: the schema objects (triggers, views, tables,
       * indexes) the file holds that this build did not create; the UI offers a cleaned copy.
       */
      foreignSchema: z.array(z.string()).optional(),
    })
    .optional(),
});

/** The typed error value every transport carries: `{ code, message, details? }`. */
export type ErrorPayload = z.infer<typeof ErrorPayloadSchema>;

/** What every call returns on the wire: a value or a typed error, never a thrown exception. */
export type WireResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export const WireResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorPayloadSchema }),
]);

/** Turns zod issues into one user-facing message per field. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '(input)';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function invalidInput(issues: readonly z.core.$ZodIssue[]): WarrantError {
  const fields = fieldErrors(issues);
  const count = Object.keys(fields).length;
  return new WarrantError('invalid_input', count === 1 ? 'One field needs attention.' : `${count} fields need attention.`, { fields });
}
