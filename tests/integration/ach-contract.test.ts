import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { leader, scoreHypotheses } from '../../src/analysis/ach';
import type { AchMatrixRecord } from '../../src/domain/ach';
import type { Quote } from '../../src/domain/quote';
import type { Source } from '../../src/domain/source';
import { contractPerTest } from './helpers/contract';

const contract = contractPerTest();

async function quoteFrom(title: string, reliability: string, text: string, credibility: string): Promise<{ source: Source; quote: Quote }> {
  const source = await contract.value<Source>('sources.create', { draft: { title, reliability } });
  const quote = await contract.value<Quote>('quotes.create', { draft: { sourceId: source.id, text, credibility } });
  return { source, quote };
}

function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`nothing at ${index}`);
  return value;
}

async function failure(name: string, payload: unknown): Promise<{ code: string; message: string }> {
  const result = await contract.dispatcher.call(name, payload);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

function storedRatings(): number {
  const observer = new Database(contract.path, { readonly: true });
  try {
    return observer.prepare('SELECT count(*) FROM ach_ratings').pluck().get() as number;
  } finally {
    observer.close();
  }
}

describe('the ACH matrix contract', () => {
  it('builds a matrix, weighs items by their grades, rates cells and scores them as the core does', async () => {
    const speech = await quoteFrom('Speech in Tokyo', 'A', 'North Korea must abandon its nuclear programme.', '1');
    const blog = await contract.value<Source>('sources.create', { draft: { title: 'A blog', reliability: 'E' } });
    let matrix = await contract.value<AchMatrixRecord>('ach.create', {
      title: 'Why Tokyo and Seoul',
      question: 'Why did the Secretary General go?',
      hypotheses: ['Pressure on Pyongyang', 'Routine partnership diplomacy'],
    });
    expect(matrix.hypotheses.map((h) => h.text)).toEqual(['Pressure on Pyongyang', 'Routine partnership diplomacy']);
    matrix = await contract.value('ach.addItem', {
      matrixId: matrix.id,
      item: { kind: 'quote', targetId: speech.quote.id, relevance: 'high' },
    });
    matrix = await contract.value('ach.addItem', { matrixId: matrix.id, item: { kind: 'source', targetId: blog.id } });
    matrix = await contract.value('ach.addItem', {
      matrixId: matrix.id,
      item: { kind: 'absence', text: 'No new exercise was announced.' },
    });
    const [quoteItem, blogItem, absence] = [at(matrix.items, 0), at(matrix.items, 1), at(matrix.items, 2)];
    expect(quoteItem).toMatchObject({ text: 'North Korea must abandon its nuclear programme.', credibility: 'high', reliability: 'A' });
    expect(blogItem).toMatchObject({ text: 'A blog', credibility: 'low', sourceIds: [blog.id] });
    expect(absence).toMatchObject({ kind: 'absence', credibility: 'medium', sourceIds: [] });

    const [pressure, routine] = [at(matrix.hypotheses, 0), at(matrix.hypotheses, 1)];
    const rate = (itemId: string, hypothesisId: string, rating: string, expected = 'N') =>
      contract.value<{ rating: string }>('ach.rate', { matrixId: matrix.id, itemId, hypothesisId, rating, expected });
    await rate(quoteItem.id, pressure.id, 'CC');
    await rate(quoteItem.id, routine.id, 'I');
    await rate(blogItem.id, pressure.id, 'II');
    await rate(absence.id, routine.id, 'C');
    matrix = await contract.value('ach.get', { id: matrix.id });
    expect(matrix.ratings[quoteItem.id]).toEqual({ [pressure.id]: 'CC', [routine.id]: 'I' });
    // Pressure: blog II × low relevance-medium (1 × 0.5) × 2 = 1; routine: quote I × high × high = 4.
    const scores = scoreHypotheses(matrix);
    expect(scores.map((s) => [s.hypothesisId, s.weightedInconsistency])).toEqual([
      [pressure.id, 1],
      [routine.id, 4],
    ]);
    expect(leader(matrix)).toEqual({ hypothesisId: pressure.id, margin: 3 });

    // Setting a cell back to N stores nothing.
    await rate(absence.id, routine.id, 'N', 'C');
    expect(storedRatings()).toBe(3);
  });

  it('refuses a rating made from a stale view, a credibility override without a reason, and foreign cells', async () => {
    const { quote } = await quoteFrom('Wire report', 'C', 'Officials met.', '3');
    const matrix = await contract.value<AchMatrixRecord>('ach.create', { title: 'M', hypotheses: ['H1', 'H2'] });
    const other = await contract.value<AchMatrixRecord>('ach.create', { title: 'Other', hypotheses: ['X', 'Y'] });
    const withItem = await contract.value<AchMatrixRecord>('ach.addItem', {
      matrixId: matrix.id,
      item: { kind: 'quote', targetId: quote.id },
    });
    const item = at(withItem.items, 0);
    const h1 = at(withItem.hypotheses, 0).id;
    await contract.value('ach.rate', { matrixId: matrix.id, itemId: item.id, hypothesisId: h1, rating: 'I', expected: 'N' });
    const stale = await failure('ach.rate', { matrixId: matrix.id, itemId: item.id, hypothesisId: h1, rating: 'C', expected: 'N' });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/changed elsewhere to I/);
    const foreign = await failure('ach.rate', { matrixId: other.id, itemId: item.id, hypothesisId: h1, rating: 'C', expected: 'I' });
    expect(foreign.code).toBe('invalid_input');
    const unexplained = await failure('ach.updateItem', {
      id: item.id,
      version: item.version,
      edit: { relevance: 'high', credibilityOverride: 'high' },
    });
    expect(unexplained.code).toBe('invalid_input');
    const explained = await contract.value<AchMatrixRecord>('ach.updateItem', {
      id: item.id,
      version: item.version,
      edit: { relevance: 'high', credibilityOverride: 'high', credibilityReason: 'Confirmed by a second cable.' },
    });
    expect(explained.items[0]).toMatchObject({
      credibility: 'high',
      credibilityOverride: 'high',
      credibilityReason: 'Confirmed by a second cable.',
    });
    const staleEdit = await failure('ach.updateItem', {
      id: item.id,
      version: item.version,
      edit: { relevance: 'low', credibilityOverride: null },
    });
    expect(staleEdit.code).toBe('conflict');
  });

  it('keeps items whose quote went to the trash, marked, and drops ratings with their row or column', async () => {
    const { quote } = await quoteFrom('Cable', 'B', 'A visit was planned.', '2');
    let matrix = await contract.value<AchMatrixRecord>('ach.create', { title: 'M', hypotheses: ['H1', 'H2', 'H3'] });
    matrix = await contract.value('ach.addItem', { matrixId: matrix.id, item: { kind: 'quote', targetId: quote.id } });
    const [h1, h2] = [at(matrix.hypotheses, 0), at(matrix.hypotheses, 1)];
    const itemId = at(matrix.items, 0).id;
    await contract.value('ach.rate', { matrixId: matrix.id, itemId, hypothesisId: h1.id, rating: 'C', expected: 'N' });
    await contract.value('ach.rate', { matrixId: matrix.id, itemId, hypothesisId: h2.id, rating: 'II', expected: 'N' });
    await contract.value('quotes.delete', { id: quote.id });
    matrix = await contract.value('ach.get', { id: matrix.id });
    expect(matrix.items[0]).toMatchObject({ state: 'trashed', text: 'A visit was planned.' });
    matrix = await contract.value('ach.removeHypothesis', { id: h2.id });
    expect(matrix.hypotheses.map((h) => h.text)).toEqual(['H1', 'H3']);
    expect(storedRatings()).toBe(1);
    matrix = await contract.value('ach.removeItem', { id: itemId });
    expect(matrix.items).toEqual([]);
    expect(storedRatings()).toBe(0);
    const list = await contract.value<{ items: { id: string; hypotheses: number; items: number }[] }>('ach.list', {});
    expect(list.items).toEqual([expect.objectContaining({ id: matrix.id, hypotheses: 2, items: 0 })]);
  });
});
