import { ERROR_CODES } from './error-codes';
import type { ErrorPayload, WireResult } from './errors';
import type { HostEvent } from './host-events';
import type { JobEvent } from './job-events';
import type { TeamStatusAnswer } from './operations/team';
import type { TeamConnectionState } from '../team/binding';
import type { TeamRole } from '../team/permissions';

/*
 * The page's checks of what the host sends: the same shapes as `WireResultSchema` and
 * `JobEventSchema`, written out by hand so the first page loads no zod (its schemas cost the
 * page's first script tens of milliseconds). tests/unit/wire-check.test.ts holds each check to
 * its schema, accepted values and dropped keys alike.
 */

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isWholeCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const CODES: ReadonlySet<unknown> = new Set(ERROR_CODES);

function readDetails(raw: unknown): ErrorPayload['details'] | null {
  if (!isObject(raw)) return null;
  const details: NonNullable<ErrorPayload['details']> = {};
  if (raw.fields !== undefined) {
    if (!isObject(raw.fields) || !Object.values(raw.fields).every(isString)) return null;
    details.fields = { ...(raw.fields as Record<string, string>) };
  }
  if (raw.version !== undefined) {
    if (!Number.isSafeInteger(raw.version)) return null;
    details.version = raw.version as number;
  }
  if ('current' in raw) details.current = raw.current;
  if (raw.foreignSchema !== undefined) {
    if (!Array.isArray(raw.foreignSchema) || !raw.foreignSchema.every(isString)) return null;
    details.foreignSchema = [...(raw.foreignSchema as string[])];
  }
  return details;
}

/** An error payload as the host sends it, keeping only the keys the contract defines; null if malformed. */
export function readErrorPayload(raw: unknown): ErrorPayload | null {
  if (!isObject(raw) || !CODES.has(raw.code) || !isString(raw.message)) return null;
  const payload: ErrorPayload = { code: raw.code as ErrorPayload['code'], message: raw.message };
  if (raw.details === undefined) return payload;
  const details = readDetails(raw.details);
  return details ? { ...payload, details } : null;
}

/** One call's answer: `{ ok: true, value }` or `{ ok: false, error }`; null if it is neither. */
export function readWireResult(raw: unknown): WireResult | null {
  if (!isObject(raw)) return null;
  // As zod reads `value: z.unknown()`: the key must be there, whatever it holds.
  if (raw.ok === true) return 'value' in raw ? { ok: true, value: raw.value } : null;
  if (raw.ok !== false) return null;
  const error = readErrorPayload(raw.error);
  return error ? { ok: false, error } : null;
}

/** One job event from the host's stream; null if it is not one the contract defines. */
export function readJobEvent(raw: unknown): JobEvent | null {
  if (!isObject(raw) || !isString(raw.jobId)) return null;
  const jobId = raw.jobId;
  switch (raw.type) {
    case 'started':
      return isString(raw.name) && isString(raw.label) ? { type: 'started', jobId, name: raw.name, label: raw.label } : null;
    case 'progress':
      return isCount(raw.done) && isCount(raw.total) && isString(raw.message)
        ? { type: 'progress', jobId, done: raw.done, total: raw.total, message: raw.message }
        : null;
    case 'succeeded':
      return 'result' in raw ? { type: 'succeeded', jobId, result: raw.result } : null;
    case 'failed': {
      const error = readErrorPayload(raw.error);
      return error ? { type: 'failed', jobId, error } : null;
    }
    case 'cancelled':
      return { type: 'cancelled', jobId };
    default:
      return null;
  }
}

// Every role and link state, so a new one fails the type-check here rather than the page's check.
const TEAM_ROLES: Record<TeamRole, true> = { analyst: true, reviewer: true, reader: true };
const TEAM_STATES: Record<TeamConnectionState, true> = { connected: true, syncing: true, offline: true };
const isKeyOf = <K extends string>(table: Record<K, true>, value: unknown): value is K =>
  typeof value === 'string' && Object.hasOwn(table, value);

function readTeamStatus(raw: unknown): TeamStatusAnswer | null {
  if (!isObject(raw) || !isWholeCount(raw.libraryGeneration)) return null;
  const libraryGeneration = raw.libraryGeneration;
  if (raw.joined === false) return { joined: false, libraryGeneration };
  if (raw.joined !== true || !isString(raw.serverUrl) || !isString(raw.userName)) return null;
  if (!isKeyOf(TEAM_ROLES, raw.role) || !isKeyOf(TEAM_STATES, raw.state) || !isWholeCount(raw.waiting)) return null;
  if (raw.refusal !== null && !isString(raw.refusal)) return null;
  const { serverUrl, userName, role, state, waiting, refusal } = raw;
  return { joined: true, serverUrl, userName, role, state, waiting, refusal, libraryGeneration };
}

/** One of the host's other events (not a job's); null if it is not one the contract defines. */
export function readHostEvent(raw: unknown): HostEvent | null {
  if (!isObject(raw) || raw.type !== 'team-status') return null;
  const status = readTeamStatus(raw.status);
  return status ? { type: 'team-status', status } : null;
}
