import { describe, expect, it } from 'vitest';
import { WarrantError } from '../../src/contract/errors';
import { planMigrations } from '../../db/migration-plan';

const KNOWN = ['20261127T221500_initial', '20270101T000000_quotes', '20270201T000000_briefings'];
const LABEL = '“/tmp/x.warrant”';

function refusal(applied: string[]): WarrantError {
  try {
    planMigrations(KNOWN, applied, LABEL);
  } catch (error) {
    if (error instanceof WarrantError) return error;
    throw error;
  }
  throw new Error('planMigrations did not refuse');
}

describe('planMigrations', () => {
  it('plans every migration for a new file', () => {
    expect(planMigrations(KNOWN, [], LABEL)).toEqual(KNOWN);
  });

  it('plans only the missing tail when the applied list is a prefix', () => {
    expect(planMigrations(KNOWN, KNOWN.slice(0, 1), LABEL)).toEqual(KNOWN.slice(1));
    expect(planMigrations(KNOWN, KNOWN, LABEL)).toEqual([]);
  });

  it('refuses a file with a migration this build does not know, naming it and the file', () => {
    const error = refusal([...KNOWN, '29991231T000000_future']);
    expect(error.code).toBe('workspace_unavailable');
    expect(error.message).toContain(LABEL);
    expect(error.message).toContain('newer version');
    expect(error.message).toContain('29991231T000000_future');
  });

  it('refuses an applied set that is not a prefix of the known list', () => {
    const skipped = refusal([KNOWN[0] ?? '', KNOWN[2] ?? '']);
    expect(skipped.code).toBe('workspace_unavailable');
    expect(skipped.message).toContain(LABEL);
    expect(skipped.message).toContain('out of order');
    expect(refusal([KNOWN[1] ?? '']).message).toContain('out of order');
  });
});
