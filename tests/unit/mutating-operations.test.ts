import { describe, expect, it } from 'vitest';
import { EPOCH_CHANGING_OPERATIONS, MUTATING_OPERATIONS } from '../../src/contract/mutating';
import { operations, type OperationName } from '../../src/contract/operations';

describe('the client’s list of operations that change the workspace', () => {
  it('is exactly the contract’s commands, so the save indicator never misses a write', () => {
    const commands = (Object.keys(operations) as OperationName[]).filter((name) => operations[name].mutates);
    expect([...MUTATING_OPERATIONS].sort()).toEqual(commands.sort());
  });

  it('names exactly the operations the contract declares as changing the epoch', () => {
    const changing = (Object.keys(operations) as OperationName[]).filter((name) => operations[name].changesEpoch);
    expect([...EPOCH_CHANGING_OPERATIONS].sort()).toEqual(changing.sort());
  });
});
