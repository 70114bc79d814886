import type { z } from 'zod';
import { ContractError } from '../../src/contract/client';

/** The other side of a refused edit: the stored record and the version to re-submit against. */
export interface Conflict<T> {
  version: number;
  stored: T;
}

/** A `conflict` error's stored record, checked against the record's schema (null for other errors). */
export function conflictOf<S extends z.ZodType>(error: unknown, schema: S): Conflict<z.output<S>> | null {
  if (!(error instanceof ContractError) || error.payload.code !== 'conflict') return null;
  const version = error.payload.details?.version;
  const stored = schema.safeParse(error.payload.details?.current);
  return version !== undefined && stored.success ? { version, stored: stored.data } : null;
}

/** One field as this form has it and as it is stored now. */
export interface ConflictRow {
  label: string;
  yours: string;
  stored: string;
}

/** The fields whose values differ, labelled for the notice. */
export function differingRows<K extends string>(
  labels: Readonly<Record<K, string>>,
  yours: Readonly<Record<K, string>>,
  stored: Readonly<Record<K, string>>,
): ConflictRow[] {
  return (Object.keys(labels) as K[])
    .filter((key) => yours[key] !== stored[key])
    .map((key) => ({ label: labels[key], yours: yours[key], stored: stored[key] }));
}
