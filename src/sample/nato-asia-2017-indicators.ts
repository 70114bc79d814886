import type { SampleIndicator } from './types';

/**
 * The sample's indicators: what would show its judgements and hypotheses to be right or wrong.
 * One was seen during the visit (with the quote it was seen in, on the day of the speech). Review
 * days are counted from the day the sample is built, not fixed in 2017: an analyst opening the
 * sample always finds one review overdue (a week past) and the others still ahead, whatever the
 * year, and a build with a fixed clock (the tests') gives the same file every time.
 */
export const SAMPLE_INDICATORS: readonly SampleIndicator[] = [
  {
    owner: { judgement: 'kj-pressure' },
    direction: 'if_true',
    text: 'Allied leaders pair every call for pressure on Pyongyang with support for a negotiated solution.',
    reviewInDays: 60,
    seen: { on: '2017-10-31', kind: 'quote', key: 'q-peaceful' },
    notes: 'Seen in the Tokyo speech; look for the same pairing in the next North Atlantic Council statement.',
  },
  {
    owner: { judgement: 'kj-japan' },
    direction: 'if_true',
    text: 'A Japanese or South Korean minister visits NATO Headquarters to agree a new programme of practical cooperation.',
    reviewInDays: 90,
  },
  {
    owner: { judgement: 'kj-military' },
    direction: 'if_false',
    text: 'NATO announces an exercise, a presence or a mandate of its own in North-East Asia.',
    reviewInDays: -7,
    notes: 'Overdue on purpose in the sample: the due list marks it.',
  },
  {
    owner: { hypothesis: 0 },
    direction: 'if_true',
    text: 'NATO statements on North Korea become more frequent and sharper in the months after the visits.',
    reviewInDays: 30,
  },
  {
    owner: { hypothesis: 4 },
    direction: 'if_true',
    text: 'Accounts of the private meetings differ from what was said in public.',
    reviewInDays: 45,
  },
];
