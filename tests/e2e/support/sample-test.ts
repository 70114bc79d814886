import { join } from 'node:path';
import { writeSampleJudgements } from '../../../db/sample-judgements';
import { buildSampleWorkspace } from '../../../db/sample-workspace';
import { test } from './fixtures';

/** Tests on the sample workspace, built as `warrant sample` builds it: a long briefing, judgements, a library. */
export const sampleTest = test.extend({
  workspacePath: async ({ workdir }, use) => {
    const path = join(workdir, 'sample.warrant');
    buildSampleWorkspace(path, { writeJudgements: writeSampleJudgements });
    await use(path);
  },
});
