import type { SampleAssumption } from './types';

/**
 * The sample's Key Assumptions Check: three things its judgements take for granted. One is
 * caveated, and rests under a judgement held with moderate confidence, so the register teaches
 * without the checks firing on a new user's first look.
 */
export const SAMPLE_ASSUMPTIONS: readonly SampleAssumption[] = [
  {
    text: 'NATO decides its policy towards North Korea by consensus, so no single Ally can change it quickly.',
    rationale: 'Every North Atlantic Council statement on the programmes since 2016 was agreed by all Allies.',
    status: 'solid',
    caveat: '',
    wrongIf: ['An Ally publicly breaks with the agreed line', 'A statement appears without the Council’s agreement'],
    judgements: ['kj-pressure', 'kj-military'],
  },
  {
    text: 'Tokyo wants closer practical ties with NATO.',
    rationale: 'Japanese reporting of the talks names fields of work, and the government sought the visit.',
    status: 'caveated',
    caveat: 'Holds while the present government is in office; an election could change the priority.',
    wrongIf: ['Japan postpones the next ministerial visit to NATO Headquarters', 'No cyber or maritime programme starts within a year'],
    judgements: ['kj-japan'],
  },
  {
    text: 'What was said in public during the visits reflects their purpose.',
    rationale: 'Speeches and statements in both capitals told the same story.',
    status: 'solid',
    caveat: '',
    wrongIf: ['Reporting of the private meetings describes another agenda'],
    judgements: ['kj-global'],
  },
];
