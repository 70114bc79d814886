import { hashKey, type QueryClient, type QueryKey } from '@tanstack/query-core';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';
import type { Judgement } from '../../src/domain/judgement';
import type { Quote } from '../../src/domain/quote';
import { invalidateAfter } from './invalidation';
import { queryKeyFor } from './queries';

/** The quotes of one source as the source view reads them (all of them, in text order). */
export const sourceQuotesInput = (sourceId: string): InputOf<'quotes.list'> => ({ sourceId, limit: 500, offset: 0 });

/** Within a source, quotes follow the text; quotes typed by hand come last, oldest first (as the store orders them). */
function inTextOrder(a: Quote, b: Quote): number {
  if (a.span && b.span) return a.span.start - b.span.start || a.createdAt.localeCompare(b.createdAt);
  if (a.span) return -1;
  if (b.span) return 1;
  return a.createdAt.localeCompare(b.createdAt);
}

function putQuote(cache: QueryClient, quote: Quote, isNew: boolean): QueryKey[] {
  const listKey = queryKeyFor('quotes.list', sourceQuotesInput(quote.sourceId));
  const detailKey = queryKeyFor('sources.detail', { id: quote.sourceId });
  const updated: QueryKey[] = [];
  if (cache.getQueryData(listKey)) {
    cache.setQueryData<OutputOf<'quotes.list'>>(listKey, (list) => {
      if (!list) return list;
      const items = [...list.items.filter((item) => item.id !== quote.id), quote].sort(inTextOrder);
      return { items, total: list.total + (isNew ? 1 : 0) };
    });
    updated.push(listKey);
  }
  if (cache.getQueryData(detailKey)) {
    if (isNew)
      cache.setQueryData<OutputOf<'sources.detail'>>(detailKey, (detail) => detail && { ...detail, quoteCount: detail.quoteCount + 1 });
    updated.push(detailKey);
  }
  return updated;
}

/** The judgement as it now is, in its briefing's list (with the new strands) and on its own. */
function putJudgement(cache: QueryClient, judgement: Judgement, derivations?: [string, string][]): QueryKey[] {
  const listKey = queryKeyFor('judgements.list', { briefingId: judgement.briefingId });
  const oneKey = queryKeyFor('judgements.get', { id: judgement.id });
  const updated: QueryKey[] = [oneKey];
  cache.setQueryData(oneKey, judgement);
  if (cache.getQueryData(listKey)) {
    cache.setQueryData<OutputOf<'judgements.list'>>(listKey, (list) => {
      if (!list) return list;
      const items = list.items.some((item) => item.id === judgement.id)
        ? list.items.map((item) => (item.id === judgement.id ? judgement : item))
        : [...list.items, judgement];
      return { ...list, items, derivations: derivations ?? list.derivations };
    });
    updated.push(listKey);
  }
  return updated;
}

/** The matrix as the command's answer gives it. */
function putMatrix(cache: QueryClient, matrix: OutputOf<'ach.get'>): QueryKey[] {
  const key = queryKeyFor('ach.get', { id: matrix.id });
  cache.setQueryData(key, matrix);
  return [key];
}

/** One rated cell; N is no entry, as the store keeps it. */
function putRating(cache: QueryClient, input: InputOf<'ach.rate'>, answer: OutputOf<'ach.rate'>): QueryKey[] {
  const key = queryKeyFor('ach.get', { id: input.matrixId });
  cache.setQueryData<OutputOf<'ach.get'>>(key, (matrix) => {
    if (!matrix) return matrix;
    const others = Object.entries(matrix.ratings[input.itemId] ?? {}).filter(([hypothesisId]) => hypothesisId !== input.hypothesisId);
    const row = Object.fromEntries(answer.rating === 'N' ? others : [...others, [input.hypothesisId, answer.rating]]);
    return { ...matrix, version: answer.version, ratings: { ...matrix.ratings, [input.itemId]: row } };
  });
  return [key];
}

type Updater<N extends OperationName> = (cache: QueryClient, input: InputOf<N>, output: OutputOf<N>) => QueryKey[];

/**
 * Commands whose answer already says what changed: the cached reads are brought up to date from
 * the answer instead of being read again (saving a quote does not reload the snapshot text or the
 * source's quotes; linking evidence does not read the judgement, its list or its change log).
 * Each updater returns the keys it brought up to date; `invalidateAfter` leaves those alone.
 */
export const UPDATE_FROM_ANSWER: { readonly [N in OperationName]?: Updater<N> } = {
  'quotes.create': (cache, _input, quote) => putQuote(cache, quote, true),
  'quotes.update': (cache, _input, quote) => putQuote(cache, quote, false),
  'judgements.update': (cache, _input, judgement) => putJudgement(cache, judgement),
  'judgements.link': (cache, _input, answer) => putJudgement(cache, answer.judgement, answer.derivations),
  'judgements.updateLink': (cache, _input, answer) => putJudgement(cache, answer.judgement, answer.derivations),
  'judgements.unlink': (cache, _input, answer) => putJudgement(cache, answer.judgement, answer.derivations),
  'judgements.citeMatrix': (cache, _input, answer) => putJudgement(cache, answer.judgement, answer.derivations),
  'ach.create': (cache, _input, matrix) => putMatrix(cache, matrix),
  'ach.update': (cache, _input, matrix) => putMatrix(cache, matrix),
  'ach.addHypothesis': (cache, _input, matrix) => putMatrix(cache, matrix),
  'ach.updateHypothesis': (cache, _input, matrix) => putMatrix(cache, matrix),
  'ach.removeHypothesis': (cache, _input, matrix) => putMatrix(cache, matrix),
  'ach.addItem': (cache, _input, matrix) => putMatrix(cache, matrix),
  'ach.updateItem': (cache, _input, matrix) => putMatrix(cache, matrix),
  'ach.removeItem': (cache, _input, matrix) => putMatrix(cache, matrix),
  'ach.rate': putRating,
};

/** Applies the command's updater, if it has one; returns the hashes of the keys it brought up to date. */
export function updateFromAnswer<N extends OperationName>(
  cache: QueryClient,
  name: N,
  input: InputOf<N>,
  output: OutputOf<N>,
): Set<string> {
  const update = UPDATE_FROM_ANSWER[name] as Updater<N> | undefined;
  return new Set((update?.(cache, input, output) ?? []).map((key) => hashKey(key)));
}

/** Everything the cache does once a command succeeded: update from its answer, then mark the rest stale. */
export function afterCommand<N extends OperationName>(cache: QueryClient, name: N, input: InputOf<N>, output: OutputOf<N>): Promise<void> {
  return invalidateAfter(cache, name, updateFromAnswer(cache, name, input, output));
}
