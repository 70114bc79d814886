import { SAMPLE_BRIEFING, SAMPLE_JUDGEMENTS } from './nato-asia-2017-briefing';
import { SAMPLE_INDICATORS } from './nato-asia-2017-indicators';
import { SAMPLE_ASSUMPTIONS } from './nato-asia-2017-assumptions';
import { SAMPLE_MATRIX } from './nato-asia-2017-matrix';
import { SAMPLE_DERIVATIONS, SAMPLE_QUOTES, SAMPLE_SOURCES, SAMPLE_TAGS } from './nato-asia-2017-library';
import type { SampleWorkspace } from './types';

export type * from './types';
export { bodyFacts, citedKeys, sampleBodyState, type CitedRecord } from './body';
export { sampleJudgementRecords } from './records';

/** The sample workspace: a Briefing on the NATO Secretary General's visits to Tokyo and Seoul in 2017. */
export const SAMPLE_WORKSPACE: SampleWorkspace = {
  tags: SAMPLE_TAGS,
  sources: SAMPLE_SOURCES,
  quotes: SAMPLE_QUOTES,
  derivations: SAMPLE_DERIVATIONS,
  briefing: SAMPLE_BRIEFING,
  judgements: SAMPLE_JUDGEMENTS,
  matrix: SAMPLE_MATRIX,
  indicators: SAMPLE_INDICATORS,
  assumptions: SAMPLE_ASSUMPTIONS,
};
