import { describe, expect, it } from 'vitest';
import { ERROR_CODES, WireResultSchema } from '../../src/contract/errors';
import { HostEventSchema } from '../../src/contract/host-events';
import { JobEventSchema } from '../../src/contract/job-events';
import { readHostEvent, readJobEvent, readWireResult } from '../../src/contract/wire-check';

// The page checks the host's answers by hand so its first script loads no zod; these tests hold
// each hand check to the schema it stands in for: the same values accepted, the same keys kept.

const error = { code: 'conflict', message: 'Saved elsewhere.' };
const WIRE_CASES: unknown[] = [
  { ok: true, value: { items: [1, 2] } },
  { ok: true, value: null },
  { ok: true },
  { ok: true, value: 3, extra: 'dropped' },
  { ok: false, error },
  { ok: false, error: { ...error, extra: 'dropped' } },
  { ok: false, error: { ...error, details: { fields: { title: 'Give it a title.' } } } },
  { ok: false, error: { ...error, details: { version: 4, current: { id: 'x' } } } },
  { ok: false, error: { ...error, details: { version: 4.5 } } },
  { ok: false, error: { ...error, details: { current: undefined } } },
  { ok: false, error: { ...error, details: { foreignSchema: ['trigger evil'], other: 1 } } },
  { ok: false, error: { ...error, details: { foreignSchema: [1] } } },
  { ok: false, error: { ...error, details: { fields: { title: 3 } } } },
  { ok: false, error: { ...error, details: { fields: ['a'] } } },
  { ok: false, error: { ...error, details: null } },
  { ok: false, error: { ...error, details: [] } },
  { ok: false, error: { code: 'no_such_code', message: 'x' } },
  { ok: false, error: { code: 'internal' } },
  { ok: false },
  { ok: 'yes', value: 1 },
  { value: 1 },
  null,
  'ok',
  [true],
  42,
  ...ERROR_CODES.map((code) => ({ ok: false, error: { code, message: code } })),
];

const JOB_CASES: unknown[] = [
  { type: 'started', jobId: 'j1', name: 'sources.import', label: 'Importing' },
  { type: 'started', jobId: 'j1', name: 'sources.import' },
  { type: 'progress', jobId: 'j1', done: 3, total: 10, message: 'Reading', extra: true },
  { type: 'progress', jobId: 'j1', done: -1, total: 10, message: 'Reading' },
  { type: 'progress', jobId: 'j1', done: 1, total: Number.POSITIVE_INFINITY, message: 'Reading' },
  { type: 'progress', jobId: 'j1', done: Number.NaN, total: 1, message: 'Reading' },
  { type: 'progress', jobId: 'j1', done: '1', total: 1, message: 'Reading' },
  { type: 'succeeded', jobId: 'j1', result: { fileId: 'f' } },
  { type: 'succeeded', jobId: 'j1' },
  { type: 'failed', jobId: 'j1', error },
  { type: 'failed', jobId: 'j1', error: { code: 'nope', message: 'x' } },
  { type: 'cancelled', jobId: 'j1', result: 'dropped' },
  { type: 'cancelled' },
  { type: 'paused', jobId: 'j1' },
  { jobId: 'j1' },
  null,
  [],
];

const TEAM = { joined: true, serverUrl: 'http://127.0.0.1:4455', userName: 'ana', role: 'analyst', state: 'offline', waiting: 2 };
const HOST_CASES: unknown[] = [
  { type: 'team-status', status: { ...TEAM, refusal: null, libraryGeneration: 3 } },
  { type: 'team-status', status: { ...TEAM, refusal: 'Session expired.', libraryGeneration: 0, extra: 'dropped' }, extra: 1 },
  { type: 'team-status', status: { joined: false, libraryGeneration: 0, serverUrl: 'dropped' } },
  { type: 'team-status', status: { joined: false } },
  { type: 'team-status', status: { ...TEAM, refusal: null, libraryGeneration: 1.5 } },
  { type: 'team-status', status: { ...TEAM, refusal: null, libraryGeneration: -1 } },
  { type: 'team-status', status: { ...TEAM, libraryGeneration: 0 } },
  { type: 'team-status', status: { ...TEAM, role: 'admin', refusal: null, libraryGeneration: 0 } },
  { type: 'team-status', status: { ...TEAM, state: 'lost', refusal: null, libraryGeneration: 0 } },
  { type: 'team-status', status: { ...TEAM, state: 'toString', refusal: null, libraryGeneration: 0 } },
  { type: 'team-status', status: { ...TEAM, waiting: 0.5, refusal: null, libraryGeneration: 0 } },
  { type: 'team-status', status: { ...TEAM, userName: 3, refusal: null, libraryGeneration: 0 } },
  { type: 'team-status', status: { ...TEAM, joined: 'yes', refusal: null, libraryGeneration: 0 } },
  { type: 'team-status', status: null },
  { type: 'team-status' },
  { type: 'started', jobId: 'j1', name: 'x', label: 'y' },
  null,
];

/** Random JSON-like values built from the pieces above, so mixes no one listed are compared too. */
function* randomValues(count: number, team = false): Generator<unknown> {
  let seed = 20261204;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const leaves: unknown[] = [null, true, false, 0, 1.5, -2, 'x', '', [], {}, undefined, ...ERROR_CODES];
  const teamLeaves: unknown[] = [null, true, false, 0, 3, -1, 'x', 'team-status', 'analyst', 'offline', undefined];
  const keys = ['ok', 'value', 'error', 'code', 'message', 'details', 'fields', 'version', 'current', 'foreignSchema', 'type', 'jobId'];
  const teamKeys = ['status', 'joined', 'libraryGeneration', 'waiting', 'refusal', 'serverUrl', 'userName', 'role', 'state'];
  const build = (depth: number): unknown => {
    if (depth === 0 || next() < 0.3) return pick(team ? teamLeaves : leaves);
    if (next() < 0.2) return [build(depth - 1), build(depth - 1)];
    const value: Record<string, unknown> = {};
    for (let i = 0; i < 1 + Math.floor(next() * 4); i += 1) value[pick(team ? teamKeys : keys)] = build(depth - 1);
    return value;
  };
  for (let i = 0; i < count; i += 1) yield build(4);
}

describe('the page’s hand checks of wire answers', () => {
  it('accept and keep what WireResultSchema accepts and keeps, and refuse the rest', () => {
    for (const value of [...WIRE_CASES, ...randomValues(1000)]) {
      const parsed = WireResultSchema.safeParse(value);
      expect(readWireResult(value), JSON.stringify(value)).toEqual(parsed.success ? parsed.data : null);
    }
  });

  it('accept and keep what JobEventSchema accepts and keeps, and refuse the rest', () => {
    for (const value of [...JOB_CASES, ...randomValues(1000)]) {
      const parsed = JobEventSchema.safeParse(value);
      expect(readJobEvent(value), JSON.stringify(value)).toEqual(parsed.success ? parsed.data : null);
    }
  });

  it('accept and keep what HostEventSchema accepts and keeps, and refuse the rest', () => {
    for (const value of [...HOST_CASES, ...randomValues(1000, true)]) {
      const parsed = HostEventSchema.safeParse(value);
      expect(readHostEvent(value), JSON.stringify(value)).toEqual(parsed.success ? parsed.data : null);
    }
  });
});
