import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dispatcher } from '../../src/contract/dispatch';
import { ERROR_CODES, type WireResult } from '../../src/contract/errors';
import { jobs, operations } from '../../src/contract/operations';
import { ContractFixture } from './helpers/contract';
import { seedForFile } from './helpers/seed';

/**
 * Property: whatever a renderer (or anything that reaches a transport) sends, the contract
 * answers with success or a typed error, never an internal one or a crash, and a rejected call
 * commits nothing. Payloads are arbitrary values, and objects with each operation's own keys
 * holding arbitrary values (what gets past a shape check but not the field checks).
 */
const PAYLOADS_PER_GROUP = Number(process.env.WARRANT_FUZZ_RUNS ?? 1_000);
/** Fresh payloads each run (`npm run soak` runs 10,000 per group); a failure prints the seed that replays it. */
const seed = seedForFile(import.meta.url);

const contract = new ContractFixture();
let dispatcher: Dispatcher;
let observer: Database.Database;
const internalErrors = contract.internalErrors;

beforeAll(() => {
  dispatcher = contract.open().dispatcher;
  // A second connection sees data_version change whenever another connection commits.
  observer = new Database(contract.path, { readonly: true });
});

afterAll(() => {
  observer.close();
  contract.close();
});

function commits(): number {
  return observer.pragma('data_version', { simple: true }) as number;
}

function keysOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Arbitrary values, and objects with the schema's keys (some dropped, some extra) holding arbitrary values. */
function payloadFor(schema: unknown): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  const value = fc.oneof(
    fc.anything({ maxDepth: 2, maxKeys: 4 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.constant(''),
  );
  const shaped =
    keys.length === 0
      ? fc.dictionary(fc.string(), value)
      : fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] });
  return fc.oneof(
    fc.anything({ maxDepth: 3, maxKeys: 5 }),
    shaped,
    fc.tuple(shaped, fc.dictionary(fc.string(), value)).map(([base, extra]) => ({ ...extra, ...(base as object) })),
  );
}

/** Plain checks (vitest's expect is slow at tens of thousands of calls); the message names the payload's answer. */
function checkAnswer(result: WireResult): void {
  const fine =
    result.ok === true ||
    (ERROR_CODES.includes(result.error.code) && result.error.code !== 'internal' && typeof result.error.message === 'string');
  if (!fine) throw new Error(`not a result or a typed error: ${JSON.stringify(result).slice(0, 300)}`);
}

function checkNothingWritten(result: WireResult, before: number): void {
  if (!result.ok && commits() !== before) throw new Error(`a rejected call (${result.error.code}) committed a change`);
}

const groups = new Map<string, string[]>();
for (const name of Object.keys(operations)) {
  const group = name.split('.')[0] as string;
  groups.set(group, [...(groups.get(group) ?? []), name]);
}

describe('the contract under generated payloads', { timeout: 180_000 }, () => {
  for (const [group, names] of groups) {
    it(`answers ${PAYLOADS_PER_GROUP.toLocaleString('en')} payloads to ${group}.* with a result or a typed error; rejections write nothing`, async () => {
      const arbitrary = fc
        .constantFrom(...names)
        .chain((name) => fc.tuple(fc.constant(name), payloadFor(operations[name as keyof typeof operations].input)));
      await fc.assert(
        fc.asyncProperty(arbitrary, async ([name, payload]) => {
          const before = commits();
          const result = await dispatcher.call(name, payload);
          checkAnswer(result);
          checkNothingWritten(result, before);
        }),
        { numRuns: PAYLOADS_PER_GROUP, seed },
      );
      expect(internalErrors).toEqual([]);
    });
  }

  it(`starts jobs only from valid payloads (${PAYLOADS_PER_GROUP.toLocaleString('en')} tries)`, () => {
    const names = Object.keys(jobs);
    const arbitrary = fc
      .constantFrom(...names)
      .chain((name) => fc.tuple(fc.constant(name), payloadFor(jobs[name as keyof typeof jobs].input)));
    fc.assert(
      fc.property(arbitrary, ([name, payload]) => {
        const before = commits();
        const result = dispatcher.startJob(name, payload);
        checkAnswer(result);
        checkNothingWritten(result, before);
      }),
      { numRuns: PAYLOADS_PER_GROUP, seed },
    );
    expect(internalErrors).toEqual([]);
  });

  it('answers unknown operation names with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }).filter((name) => !(name in operations)),
        fc.anything(),
        async (name, payload) => {
          const result = await dispatcher.call(name, payload);
          if (result.ok || result.error.code !== 'unknown_operation') throw new Error(`unexpected answer to ${JSON.stringify(name)}`);
        },
      ),
      { numRuns: 1000, seed },
    );
  });

  it('searches any typed text (FTS operators, quotes, CJK, lone surrogates) without an error', async () => {
    const syntax = fc.constantFrom(
      '"',
      '*',
      '(',
      ')',
      'NEAR(',
      'AND',
      'OR',
      'NOT',
      '-',
      '^',
      ':',
      '{',
      '}',
      '+',
      'title:',
      '日本',
      'ＮＡＴＯ',
      '\u0000',
      '\ud800',
      ' ',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.array(fc.oneof(syntax, fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join('')),
    );
    await dispatcher.call('sources.create', { draft: { title: 'Missile defence in Tokyo 日本政府' } });
    await fc.assert(
      fc.asyncProperty(text, async (query) => {
        const result = await dispatcher.call('search.query', { text: query });
        if (!result.ok) throw new Error(`search failed: ${result.error.message}`);
      }),
      { numRuns: PAYLOADS_PER_GROUP, seed },
    );
    expect(internalErrors).toEqual([]);
  });
});
