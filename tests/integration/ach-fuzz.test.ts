import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACH_RATINGS } from '../../src/analysis/ach';
import { ERROR_CODES, type WireResult } from '../../src/contract/errors';
import { MAX_HYPOTHESES, MAX_ITEMS, type AchMatrixRecord } from '../../src/domain/ach';
import type { Quote } from '../../src/domain/quote';
import type { Source } from '../../src/domain/source';
import { ContractFixture } from './helpers/contract';
import { seedForFile } from './helpers/seed';

/**
 * Property: the grid's writes (rate, add and weigh items, add hypotheses) with payloads that are
 * nearly right (real ids of this matrix, of another matrix and of nothing; ratings off the scale;
 * text empty, huge or odd) are answered with a result or a typed error that says something, a
 * refusal writes nothing, and the matrix read back afterwards is whole: every rating belongs to one
 * of its items and hypotheses and is on Heuer's scale. The generic contract fuzzer sends arbitrary
 * values; this one gets past the shape checks to the repository's own.
 */
const RUNS = Number(process.env.WARRANT_FUZZ_RUNS ?? 200);
const seed = seedForFile(import.meta.url);
const contract = new ContractFixture();
let observer: Database.Database;
let mine: AchMatrixRecord;
let other: AchMatrixRecord;
let quote: Quote;
let source: Source;

beforeAll(async () => {
  contract.open();
  observer = new Database(contract.path, { readonly: true });
  source = await contract.value<Source>('sources.create', { draft: { title: 'Speech in Tokyo', reliability: 'B' } });
  quote = await contract.value<Quote>('quotes.create', { draft: { sourceId: source.id, text: 'Pressure must rise.', credibility: '2' } });
  mine = await contract.value('ach.create', { title: 'Mine', hypotheses: ['Pressure', 'Solidarity', 'Routine'] });
  for (const text of ['A missile test came first', 'Joint statement named the North'])
    mine = await contract.value('ach.addItem', { matrixId: mine.id, item: { kind: 'argument', text } });
  other = await contract.value('ach.create', { title: 'Other', hypotheses: ['One', 'Two'] });
  other = await contract.value('ach.addItem', { matrixId: other.id, item: { kind: 'absence', text: 'Nothing announced' } });
});

afterAll(() => {
  observer.close();
  contract.close();
});

const commits = (): number => observer.pragma('data_version', { simple: true }) as number;

function checkAnswer(result: WireResult, before: number): void {
  if (result.ok) return;
  const { code, message } = result.error;
  if (!ERROR_CODES.includes(code) || code === 'internal' || message.trim() === '')
    throw new Error(`not a clear typed error: ${JSON.stringify(result.error).slice(0, 300)}`);
  if (commits() !== before) throw new Error(`a refused call (${code}: ${message}) committed a change`);
}

describe('the ACH operations under nearly right payloads', { timeout: 60_000 }, () => {
  it(`answer ${RUNS} of them clearly and keep the matrix whole`, async () => {
    const id = fc.oneof(
      fc.constantFrom(...mine.items.map((item) => item.id), ...mine.hypotheses.map((h) => h.id), mine.id),
      fc.constantFrom(...other.items.map((item) => item.id), ...other.hypotheses.map((h) => h.id), other.id, quote.id, source.id),
      fc.uuid(),
      fc.string({ maxLength: 40 }),
    );
    const rating = fc.oneof(fc.constantFrom(...ACH_RATINGS), fc.constantFrom('cc', 'X', '', ' N', 'III'), fc.integer());
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.constant('   '), fc.string({ minLength: 2001, maxLength: 2100 }));
    const weight = fc.oneof(fc.constantFrom('high', 'medium', 'low'), fc.constantFrom('HIGH', '', 'none'), fc.constant(null));
    const kind = fc.constantFrom('quote', 'source', 'argument', 'assumption', 'absence', 'rumour');
    const call = fc.oneof(
      fc.record({ matrixId: id, itemId: id, hypothesisId: id, rating, expected: rating }).map((p) => ['ach.rate', p] as const),
      fc
        .record({ matrixId: id, item: fc.record({ kind, targetId: fc.option(id), text, relevance: weight }, { requiredKeys: ['kind'] }) })
        .map((p) => ['ach.addItem', p] as const),
      fc.record({ matrixId: id, text }).map((p) => ['ach.addHypothesis', p] as const),
      fc
        .record({
          id,
          version: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant('1')),
          edit: fc.record({ relevance: weight, credibilityOverride: weight, credibilityReason: text }, { requiredKeys: [] }),
        })
        .map((p) => ['ach.updateItem', p] as const),
      fc.record({ id }).map((p) => ['ach.removeHypothesis', p] as const),
    );
    await fc.assert(
      fc.asyncProperty(call, async ([name, payload]) => {
        const before = commits();
        checkAnswer(await contract.call(name, payload), before);
      }),
      { numRuns: RUNS, seed },
    );
    expect(contract.internalErrors).toEqual([]);
    for (const matrixId of [mine.id, other.id]) {
      const result = await contract.call('ach.get', { id: matrixId });
      if (!result.ok) continue; // a generated removal cannot delete a matrix, but say so if it did
      const matrix = result.value as AchMatrixRecord;
      expect(matrix.hypotheses.length).toBeLessThanOrEqual(MAX_HYPOTHESES);
      expect(matrix.items.length).toBeLessThanOrEqual(MAX_ITEMS);
      const items = new Set(matrix.items.map((item) => item.id));
      const hypotheses = new Set(matrix.hypotheses.map((h) => h.id));
      for (const [itemId, row] of Object.entries(matrix.ratings)) {
        expect(items.has(itemId)).toBe(true);
        for (const [hypothesisId, value] of Object.entries(row)) {
          expect(hypotheses.has(hypothesisId)).toBe(true);
          expect(ACH_RATINGS).toContain(value);
        }
      }
    }
  });

  it('refuse a rating off the scale, and a cell of another matrix, with words an analyst can act on', async () => {
    // Matrices of its own: the generated calls above may have removed the seeded hypotheses.
    const first = await contract.value<AchMatrixRecord>('ach.addItem', {
      matrixId: (await contract.value<AchMatrixRecord>('ach.create', { title: 'First', hypotheses: ['A', 'B'] })).id,
      item: { kind: 'argument', text: 'An item' },
    });
    const second = await contract.value<AchMatrixRecord>('ach.create', { title: 'Second', hypotheses: ['C', 'D'] });
    const cell = { matrixId: first.id, itemId: first.items[0]?.id, hypothesisId: first.hypotheses[0]?.id };
    const offScale = await contract.call('ach.rate', { ...cell, rating: 'X', expected: 'N' });
    expect(offScale).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const crossed = await contract.call('ach.rate', { ...cell, hypothesisId: second.hypotheses[0]?.id, rating: 'C', expected: 'N' });
    expect(crossed).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'That cell belongs to another matrix.' } });
  });
});
