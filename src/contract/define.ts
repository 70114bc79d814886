import type { z } from 'zod';

/** One request/response operation of the contract. */
export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One line for humans: what the operation does. */
  readonly doc: string;
  readonly input: I;
  readonly output: O;
  /** True when a successful call changes the workspace (drives the UI's save state). */
  readonly mutates: boolean;
}

/** A long-running operation: started, reports progress, can be cancelled, ends with a result. */
export interface JobSpec<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly doc: string;
  readonly input: I;
  readonly result: R;
}

export function query<I extends z.ZodType, O extends z.ZodType>(doc: string, input: I, output: O): OperationSpec<I, O> {
  return { doc, input, output, mutates: false };
}

export function command<I extends z.ZodType, O extends z.ZodType>(doc: string, input: I, output: O): OperationSpec<I, O> {
  return { doc, input, output, mutates: true };
}

export function job<I extends z.ZodType, R extends z.ZodType>(doc: string, input: I, result: R): JobSpec<I, R> {
  return { doc, input, result };
}
