import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSampleJudgements } from '../../db/sample-judgements';
import { buildSampleWorkspace } from '../../db/sample-workspace';
import { Workspace } from '../../db/workspace';
import { reviewState } from '../../src/analysis/indicators';
import { TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

describe('the sample workspace’s indicators', () => {
  it('puts indicators on its judgements and hypotheses, one seen with its quote and one overdue on the day it is built', () => {
    const path = join(temp.make(), 'sample.warrant');
    // Noon UTC, so the local day is 10 March wherever the test runs.
    buildSampleWorkspace(path, { writeJudgements: writeSampleJudgements, now: () => '2026-03-10T12:00:00.000Z' });
    const ws = Workspace.open(path);
    try {
      const all = ws.indicators.due('all');
      expect(all.map((i) => i.owner.kind).sort()).toEqual(['hypothesis', 'hypothesis', 'judgement', 'judgement', 'judgement']);
      const [seen, ...others] = ws.indicators.due('seen');
      expect(others).toEqual([]);
      expect(seen).toMatchObject({
        seenOn: '2017-10-31',
        evidence: { kind: 'quote', text: 'strongly supports a peaceful, negotiated solution', state: 'live' },
      });
      const states = all.map((i) => reviewState(i, '2026-03-10'));
      expect(states.filter((s) => s === 'overdue')).toHaveLength(1);
      expect(all.find((i) => reviewState(i, '2026-03-10') === 'overdue')).toMatchObject({ reviewOn: '2026-03-03', direction: 'if_false' });
      expect(all.filter((i) => i.owner.kind === 'hypothesis').map((i) => i.owner.containerTitle)).toEqual([
        'Why the Secretary General went to Tokyo and Seoul',
        'Why the Secretary General went to Tokyo and Seoul',
      ]);
    } finally {
      ws.close();
    }
  });
});
