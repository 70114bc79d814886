import type { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { jobs, operations, type JobName, type OperationName } from '../../src/contract/operations';
import { invalidateAfter, invalidatesEverything, STALE_AFTER, staleAfter } from '../../renderer/data/invalidation';
import { queryKeyFor } from '../../renderer/data/queries';
import { createQueryClient } from '../../renderer/data/query-client';

const NAMES = Object.keys(operations) as OperationName[];
const COMMANDS = NAMES.filter((name) => operations[name].mutates);
const READS = NAMES.filter((name) => !operations[name].mutates);

/** A cache holding one answered read of every query operation, as a page that showed them all would. */
function cacheWithEveryRead(): QueryClient {
  const queryClient = createQueryClient();
  // Only which reads go stale matters here, so each holds a marker rather than a real answer.
  for (const name of READS) queryClient.setQueryData<unknown>([...queryKeyFor(name, {} as never)], { answered: name });
  return queryClient;
}

const staleReads = (queryClient: QueryClient): string[] =>
  queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => String(query.queryKey[0]))
    .sort();

describe('the invalidation table', () => {
  it('has an entry for every command of the contract, so a new command cannot be forgotten', () => {
    expect(COMMANDS.filter((name) => STALE_AFTER[name] === undefined)).toEqual([]);
  });

  it('lists only commands (and jobs) as keys and only reads as what goes stale', () => {
    for (const [command, stale] of Object.entries(STALE_AFTER)) {
      if (!(command in jobs)) expect(operations[command as OperationName].mutates, command).toBe(true);
      if (stale === 'everything') continue;
      for (const read of stale) expect(operations[read].mutates, `${command} → ${read}`).toBe(false);
    }
  });

  it('clears every read when the workspace behind the page changes (switch, open, restore)', () => {
    for (const name of ['backups.restore', 'workspace.open', 'workspace.openRecent', 'workspace.openSample', 'workspace.create'] as const) {
      expect(invalidatesEverything(name), name).toBe(true);
    }
  });

  it('makes stale exactly what saving a quote changes: the quote lists, its source, its capture’s quote count, tag counts and search', async () => {
    const queryClient = cacheWithEveryRead();
    await invalidateAfter(queryClient, 'quotes.create');
    expect(staleReads(queryClient)).toEqual(['quotes.get', 'quotes.list', 'search.query', 'snapshots.list', 'sources.detail', 'tags.list']);
  });

  it('makes every judgement read stale after linking evidence, and nothing of the library', async () => {
    const queryClient = cacheWithEveryRead();
    await invalidateAfter(queryClient, 'judgements.link');
    const stale = staleReads(queryClient);
    expect(stale).toContain('judgements.list');
    expect(stale).toContain('judgements.usedIn');
    expect(stale).not.toContain('sources.list');
    expect(stale).not.toContain('quotes.list');
  });

  it('makes every read stale after a restore from backup', async () => {
    const queryClient = cacheWithEveryRead();
    await invalidateAfter(queryClient, 'backups.restore');
    expect(staleReads(queryClient)).toEqual([...READS].sort());
  });

  it('leaves the cache alone for a read, which changes nothing', async () => {
    const queryClient = cacheWithEveryRead();
    expect(staleAfter('sources.get')).toEqual([]);
    await invalidateAfter(queryClient, 'sources.get');
    expect(staleReads(queryClient)).toEqual([]);
  });
});

describe('the invalidation table for jobs', () => {
  it('has an entry for every job, read again when one succeeds', () => {
    expect(Object.keys(jobs).filter((name) => STALE_AFTER[name as JobName] === undefined)).toEqual([]);
  });

  it('re-reads the library after an import', async () => {
    const queryClient = cacheWithEveryRead();
    await invalidateAfter(queryClient, 'library.importCommit');
    expect(staleReads(queryClient)).toEqual(expect.arrayContaining(['sources.list', 'quotes.list', 'tags.list', 'search.query']));
  });
});
