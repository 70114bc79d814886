import { SAMPLE_SITE, SPEECH_CAPTURE_FILE_NAME, SPEECH_CAPTURE_HTML } from './nato-asia-2017-capture';
import type { SampleDerivation, SampleQuote, SampleSource, SampleTag } from './types';

/*
 * The library of the sample workspace: the NATO Secretary General's visits to Tokyo and Seoul,
 * 30 October – 2 November 2017. Titles, notes and paraphrases are written for this sample; the
 * only verbatim quotations are four short phrases from the Tokyo speech. News outlets are
 * described, not named, so that nothing here is attributed to a real publication.
 */

const SAMPLE_NOTE = 'Sample record written for the Warrant sample workspace.';
const SPEAKER = 'Jens Stoltenberg';
const SPEECH_DAY = '2017-10-31';
/** When the analyst of the sample read every source. */
const ACCESSED = '2017-11-03';

export const SAMPLE_TAGS: readonly SampleTag[] = [
  { key: 'tag-nato', path: 'Actor/NATO' },
  { key: 'tag-japan', path: 'Actor/Japan' },
  { key: 'tag-rok', path: 'Actor/South Korea' },
  { key: 'tag-dprk', path: 'Actor/North Korea' },
  { key: 'tag-asia', path: 'Region/Asia-Pacific' },
  { key: 'tag-nuclear', path: 'Topic/Nuclear non-proliferation' },
  { key: 'tag-sanctions', path: 'Topic/Sanctions' },
  { key: 'tag-partners', path: 'Topic/Partnerships' },
  { key: 'tag-diplomacy', path: 'Topic/Diplomacy' },
];

export const SAMPLE_SOURCES: readonly SampleSource[] = [
  {
    key: 'src-speech',
    draft: {
      title: 'Speech by NATO Secretary General Jens Stoltenberg at the National Press Club of Japan, Tokyo',
      kind: 'speech',
      author: SPEAKER,
      publisher: 'NATO',
      publishedDate: SPEECH_DAY,
      url: `${SAMPLE_SITE}/speeches/2017-10-31-tokyo`,
      accessedDate: ACCESSED,
      language: 'en',
      reliability: 'A',
      notes: `The transcript as NATO published it. Delivered on 31 October 2017 during the Tokyo leg of the visit. ${SAMPLE_NOTE}`,
    },
    tags: ['tag-nato', 'tag-japan', 'tag-dprk', 'tag-asia'],
    capture: { fileName: SPEECH_CAPTURE_FILE_NAME, html: SPEECH_CAPTURE_HTML },
  },
  {
    key: 'src-wire',
    draft: {
      title: 'NATO chief presses for full enforcement of North Korea sanctions in Tokyo speech',
      kind: 'news_report',
      publisher: 'International wire service (sample)',
      publishedDate: SPEECH_DAY,
      url: `${SAMPLE_SITE}/wire/2017-10-31-nato-sanctions`,
      accessedDate: ACCESSED,
      language: 'en',
      reliability: 'B',
      notes: `Same-day wire story; its quotations all come from the press club speech. ${SAMPLE_NOTE}`,
    },
    tags: ['tag-nato', 'tag-dprk', 'tag-sanctions'],
  },
  {
    key: 'src-broadcast',
    draft: {
      title: 'Evening bulletin: NATO head calls North Korea a threat to the whole world',
      kind: 'news_report',
      publisher: 'Broadcast news summary (sample)',
      publishedDate: SPEECH_DAY,
      url: `${SAMPLE_SITE}/broadcast/2017-10-31-evening-bulletin`,
      accessedDate: ACCESSED,
      language: 'en',
      reliability: 'C',
      notes: `A short broadcast item rewritten from the wire story. ${SAMPLE_NOTE}`,
    },
    tags: ['tag-nato', 'tag-dprk'],
  },
  {
    key: 'src-daily',
    draft: {
      title: 'Abe and NATO Secretary General agree to deepen practical cooperation',
      kind: 'news_report',
      publisher: 'Japanese national daily (sample)',
      publishedDate: '2017-11-01',
      url: `${SAMPLE_SITE}/daily/2017-11-01-abe-nato`,
      accessedDate: ACCESSED,
      language: 'en',
      reliability: 'B',
      notes: `Reports the meeting with Prime Minister Shinzo Abe from Japanese government briefings, not from the speech. ${SAMPLE_NOTE}`,
    },
    tags: ['tag-nato', 'tag-japan', 'tag-partners'],
  },
  {
    key: 'src-agency',
    draft: {
      title: 'NATO Secretary General meets South Korean leaders in Seoul',
      kind: 'news_report',
      publisher: 'Korean news agency (sample)',
      publishedDate: '2017-11-01',
      url: `${SAMPLE_SITE}/agency/2017-11-01-seoul-meetings`,
      accessedDate: ACCESSED,
      language: 'en',
      reliability: 'B',
      notes: `Covers the Seoul meetings from South Korean officials' accounts. ${SAMPLE_NOTE}`,
    },
    tags: ['tag-nato', 'tag-rok', 'tag-sanctions', 'tag-diplomacy'],
  },
  {
    key: 'src-release',
    draft: {
      title: 'NATO news release: Secretary General visits the Republic of Korea',
      kind: 'official_statement',
      publisher: 'NATO',
      publishedDate: '2017-11-02',
      url: `${SAMPLE_SITE}/news/2017-11-02-republic-of-korea`,
      accessedDate: ACCESSED,
      language: 'en',
      reliability: 'A',
      notes: `Stands for NATO's own account of the Seoul leg. ${SAMPLE_NOTE}`,
    },
    tags: ['tag-nato', 'tag-rok', 'tag-asia'],
  },
  {
    key: 'src-commentary',
    draft: {
      title: 'Commentary: a European alliance has little leverage on the Korean peninsula',
      kind: 'other',
      publisher: 'Regional policy blog (sample)',
      publishedDate: '2017-11-02',
      url: `${SAMPLE_SITE}/blog/2017-11-02-leverage`,
      accessedDate: ACCESSED,
      language: 'en',
      reliability: 'D',
      notes: `An opinion piece; the author's record on the region is uneven. ${SAMPLE_NOTE}`,
    },
    tags: ['tag-nato', 'tag-asia'],
  },
  {
    key: 'src-post',
    draft: {
      title: 'Post claiming NATO plans to station troops in Japan',
      kind: 'social_media_post',
      author: 'Anonymous account',
      publisher: 'Social media (sample)',
      publishedDate: '2017-11-01',
      url: `${SAMPLE_SITE}/social/2017-11-01-troops-claim`,
      accessedDate: ACCESSED,
      language: 'en',
      reliability: 'E',
      notes: `Widely shared during the visit; no source given and no other outlet carries the claim. ${SAMPLE_NOTE}`,
    },
    tags: ['tag-japan'],
  },
];

/** The four verbatim phrases from the speech, then paraphrases (marked as such) of the other sources. */
export const SAMPLE_QUOTES: readonly SampleQuote[] = [
  {
    key: 'q-abandon',
    sourceKey: 'src-speech',
    draft: {
      text: 'abandon its nuclear program once and for all',
      speaker: SPEAKER,
      dateSaid: SPEECH_DAY,
      credibility: '2',
      verbatim: true,
      note: 'What he said North Korea must do.',
    },
    tags: ['tag-dprk', 'tag-nuclear'],
  },
  {
    key: 'q-peaceful',
    sourceKey: 'src-speech',
    draft: {
      text: 'strongly supports a peaceful, negotiated solution',
      speaker: SPEAKER,
      dateSaid: SPEECH_DAY,
      credibility: '2',
      verbatim: true,
      note: 'NATO as the subject.',
    },
    tags: ['tag-nato', 'tag-diplomacy'],
  },
  {
    key: 'q-pressure',
    sourceKey: 'src-speech',
    draft: {
      text: 'pressure is key',
      speaker: SPEAKER,
      dateSaid: SPEECH_DAY,
      credibility: '2',
      verbatim: true,
      note: 'On sanctions and their full implementation.',
    },
    tags: ['tag-sanctions'],
  },
  {
    key: 'q-partner',
    sourceKey: 'src-speech',
    draft: { text: 'natural partner', speaker: SPEAKER, dateSaid: SPEECH_DAY, credibility: '2', verbatim: true, note: 'Said of Japan.' },
    tags: ['tag-japan', 'tag-partners'],
  },
  {
    key: 'q-wire-sanctions',
    sourceKey: 'src-wire',
    draft: {
      text: 'Sanctions must be carried out in full to bring Pyongyang back to the negotiating table, the Secretary General said.',
      credibility: '2',
      verbatim: false,
    },
    tags: ['tag-sanctions'],
  },
  {
    key: 'q-broadcast-global',
    sourceKey: 'src-broadcast',
    draft: {
      text: "The NATO head described North Korea's weapons as a danger to the whole world, not only to its neighbours.",
      credibility: '3',
      verbatim: false,
    },
    tags: ['tag-dprk'],
  },
  {
    key: 'q-daily-cooperation',
    sourceKey: 'src-daily',
    draft: {
      text: 'The two sides agreed to widen practical cooperation, naming cyber defence and maritime security.',
      credibility: '3',
      verbatim: false,
    },
    tags: ['tag-japan', 'tag-partners'],
  },
  {
    key: 'q-agency-support',
    sourceKey: 'src-agency',
    draft: {
      text: "South Korean officials welcomed NATO's backing for the sanctions and for a diplomatic settlement.",
      credibility: '2',
      verbatim: false,
    },
    tags: ['tag-rok', 'tag-sanctions', 'tag-diplomacy'],
  },
  {
    key: 'q-commentary-leverage',
    sourceKey: 'src-commentary',
    draft: {
      text: 'With no forces or mandate in North-East Asia, NATO can add words but little weight to the pressure on Pyongyang.',
      credibility: '4',
      verbatim: false,
    },
    tags: ['tag-nato', 'tag-asia'],
  },
  {
    key: 'q-post-troops',
    sourceKey: 'src-post',
    draft: { text: 'NATO is getting ready to base troops in Japan.', credibility: '5', verbatim: false },
    tags: ['tag-japan'],
  },
];

/** The wire story rests on the speech and the bulletin on the wire story: one strand of reporting. */
export const SAMPLE_DERIVATIONS: readonly SampleDerivation[] = [
  { sourceKey: 'src-wire', originKey: 'src-speech' },
  { sourceKey: 'src-broadcast', originKey: 'src-wire' },
];
