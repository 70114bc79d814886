import type { SampleMatrix } from './types';

/**
 * The sample's competing hypotheses for its main question. The ratings are an analyst's reading
 * of the sample's own quotes, one row per item in the order H1–H5; the last hypothesis is the
 * reminder ACH asks for. What it teaches: pressure on Pyongyang leads, but narrowly: one argument
 * keeps solidarity with the United States behind it, and only an assumption (that the public
 * statements show the purpose) keeps deception out of the running, as the sensitivity list says.
 */
export const SAMPLE_MATRIX: SampleMatrix = {
  title: 'Why the Secretary General went to Tokyo and Seoul',
  question: 'What was the main purpose of the NATO Secretary General’s visits to Japan and South Korea in October–November 2017?',
  hypotheses: [
    'To add pressure on Pyongyang to abandon its nuclear programme',
    'To show solidarity with the United States',
    'To build a long-term role for NATO in the Asia-Pacific',
    'Routine partnership diplomacy',
    'None of the above, or deception',
  ],
  items: [
    { key: 'q-abandon', relevance: 'high', ratings: ['CC', 'N', 'N', 'I', 'N'] },
    { key: 'q-pressure', relevance: 'high', ratings: ['CC', 'C', 'N', 'I', 'N'] },
    { key: 'q-wire-sanctions', relevance: 'medium', ratings: ['CC', 'C', 'N', 'I', 'N'] },
    { key: 'q-partner', relevance: 'medium', ratings: ['N', 'N', 'C', 'CC', 'N'] },
    { key: 'q-daily-cooperation', relevance: 'medium', ratings: ['N', 'N', 'C', 'CC', 'N'] },
    { key: 'q-commentary-leverage', relevance: 'medium', ratings: ['C', 'N', 'II', 'N', 'N'] },
    { key: 'q-post-troops', relevance: 'low', ratings: ['N', 'N', 'CC', 'II', 'C'] },
    {
      kind: 'argument',
      text: 'The visit’s statements give North Korea’s weapons, not the alliance with the United States, as the reason to speak out.',
      relevance: 'medium',
      ratings: ['C', 'I', 'N', 'N', 'N'],
    },
    {
      kind: 'absence',
      text: 'No NATO presence, exercise or new mandate in the region was announced during either visit.',
      relevance: 'medium',
      ratings: ['N', 'N', 'I', 'C', 'N'],
    },
    {
      kind: 'assumption',
      text: 'What was said in public during the visits reflects their purpose.',
      relevance: 'low',
      ratings: ['C', 'C', 'C', 'C', 'I'],
    },
  ],
  // The judgement on the visit's purpose rests on the leading hypothesis: its evidence panel shows the lead.
  citedBy: [{ judgementKey: 'kj-pressure', hypothesis: 0 }],
};
