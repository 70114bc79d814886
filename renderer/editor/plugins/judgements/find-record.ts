import type { Judgement } from '../../../../src/domain/judgement';
import { errorCodeOf } from '../../../app/error-message';

/** The reads a block needs to find its record, as the contract answers them. */
export interface RecordReads {
  get(id: string): Promise<Judgement>;
  /** Takes the judgement out of the trash (fails with `not_found` when it is not there). */
  restoreFromTrash(id: string): Promise<void>;
}

/**
 * What became of a block's record. Only a `not_found` answer proves the record is gone and lets
 * the block be dropped; any other failure (the host restarting, a full disk, a lost connection)
 * says nothing about the record, so the block stays and the read is tried again.
 */
export type RecordLookup =
  { kind: 'found'; record: Judgement; restoredFromTrash: boolean } | { kind: 'gone' } | { kind: 'unreadable'; error: unknown };

export async function findRecord(id: string, reads: RecordReads): Promise<RecordLookup> {
  try {
    return { kind: 'found', record: await reads.get(id), restoredFromTrash: false };
  } catch (error) {
    if (errorCodeOf(error) !== 'not_found') return { kind: 'unreadable', error };
  }
  try {
    await reads.restoreFromTrash(id);
  } catch (error) {
    return errorCodeOf(error) === 'not_found' ? { kind: 'gone' } : { kind: 'unreadable', error };
  }
  try {
    return { kind: 'found', record: await reads.get(id), restoredFromTrash: true };
  } catch (error) {
    return errorCodeOf(error) === 'not_found' ? { kind: 'gone' } : { kind: 'unreadable', error };
  }
}

/** Waits between reads of an unreadable record: quick at first, then every 30 s; never gives up. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** attempt);
}
