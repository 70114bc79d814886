import { describe, expect, it } from 'vitest';
import { ContractError } from '../../src/contract/client';
import type { ErrorCode } from '../../src/contract/errors';
import { findRecord, retryDelayMs, type RecordReads } from '../../renderer/editor/plugins/judgements/find-record';
import { judgement } from './helpers/judgements';

const refused = (code: ErrorCode): ContractError => new ContractError({ code, message: `refused: ${code}` });

/** Reads that answer from a script: a record, or the failure each call meets. */
function reads(get: (Error | 'record')[], restore: Error | 'ok' = 'ok'): RecordReads & { restored: number } {
  const answers = [...get];
  const result = {
    restored: 0,
    get: async () => {
      const next = answers.shift() ?? 'record';
      if (next === 'record') return judgement({ id: 'j1' });
      throw next;
    },
    restoreFromTrash: async () => {
      result.restored += 1;
      if (restore !== 'ok') throw restore;
    },
  };
  return result;
}

describe('a judgement block finding its record', () => {
  it('is dropped only when the record is proved gone (not_found from the read and from the trash)', async () => {
    expect(await findRecord('j1', reads([refused('not_found')], refused('not_found')))).toEqual({ kind: 'gone' });
  });

  it('keeps the block for every other failed read, without touching the trash', async () => {
    for (const failure of [
      refused('internal'),
      refused('workspace_unavailable'),
      refused('conflict'),
      refused('workspace_stale'),
      new TypeError('Failed to fetch'),
    ]) {
      const calls = reads([failure]);
      const found = await findRecord('j1', calls);
      expect(found.kind, String(failure)).toBe('unreadable');
      expect(calls.restored).toBe(0);
    }
  });

  it('keeps the block when the trash cannot be read or refuses for another reason', async () => {
    expect((await findRecord('j1', reads([refused('not_found')], refused('internal')))).kind).toBe('unreadable');
    expect((await findRecord('j1', reads([refused('not_found')], new TypeError('Failed to fetch')))).kind).toBe('unreadable');
    expect((await findRecord('j1', reads([refused('not_found'), refused('internal')]))).kind).toBe('unreadable');
  });

  it('finds a live record, or one it brought back from the trash', async () => {
    expect(await findRecord('j1', reads([]))).toMatchObject({ kind: 'found', restoredFromTrash: false, record: { id: 'j1' } });
    expect(await findRecord('j1', reads([refused('not_found')]))).toMatchObject({ kind: 'found', restoredFromTrash: true });
  });

  it('retries quickly at first, then every 30 s at most', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});
