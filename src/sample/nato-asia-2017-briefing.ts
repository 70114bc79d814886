import type { SampleBriefing, SampleJudgement } from './types';

/** The anchor of the sample's review comment thread (its words are marked in the Summary). */
export const SAMPLE_REVIEW_ANCHOR = 'sample-review-military-role';

/*
 * The sample briefing, written for Warrant in our own words. Sections follow the built-in
 * Briefing template (Summary, Background, Analysis, Key Judgements); citations name quotes and
 * sources by their sample keys.
 */
export const SAMPLE_BRIEFING: SampleBriefing = {
  title: 'NATO Secretary General in Tokyo and Seoul, 30 October – 2 November 2017',
  typeId: 'briefing',
  status: 'draft',
  author: 'Sample Analyst',
  date: '2017-11-03',
  marking: 'TLP:CLEAR',
  // One Summary (BLUF): the bottom line opens the Summary section of the text.
  summary: '',
  yardstick: 'icd203',
  tags: ['tag-nato', 'tag-asia', 'tag-partners'],
  sections: [
    {
      heading: 'Summary',
      paragraphs: [
        [
          'The NATO Secretary General used his visits to Tokyo and Seoul to put the Alliance firmly behind the sanctions-led pressure on North Korea and behind a negotiated settlement, and to signal closer practical work with Japan. The visits mark political solidarity with two exposed partners, ',
          { comment: SAMPLE_REVIEW_ANCHOR, words: 'not a military role for NATO in the region' },
          '.',
        ],
        [
          'Jens Stoltenberg spent 30 October to 2 November 2017 in Japan and South Korea, weeks after North Korea’s sixth nuclear test. In both capitals he backed the pressure campaign against Pyongyang, called for a negotiated end to the crisis and presented the Alliance’s Asian partnerships as part of its own security. The trip was about political alignment; it announced no new commitments.',
        ],
      ],
    },
    {
      heading: 'Background',
      paragraphs: [
        [
          'North Korea tested its largest nuclear device yet on 3 September 2017. Days earlier a North Korean ballistic missile had flown over northern Japan, and a second overflight followed on 15 September. The UN Security Council tightened sanctions twice between August and September, and Tokyo argued for the strictest possible enforcement.',
        ],
        [
          'Japan and South Korea are among the partners NATO works with beyond the Euro-Atlantic area. Japan’s ties with the Alliance go back to political dialogue in the early 1990s and were set out in an individual partnership programme in 2014. South Korea’s relationship grew out of dialogue and its contribution to the NATO-led mission in Afghanistan.',
        ],
        [
          'The programme combined talks with political leaders, including Prime Minister Shinzo Abe in Tokyo, with a public speech at the National Press Club of Japan on 31 October',
          { cite: 'src-speech' },
          '.',
        ],
      ],
    },
    {
      heading: 'Analysis',
      paragraphs: [
        [
          'The Tokyo speech carried the core message of the visit. The Secretary General said that North Korea must “abandon its nuclear program once and for all”',
          { cite: 'q-abandon' },
          ', that “pressure is key”',
          { cite: 'q-pressure' },
          ' to getting there, and that NATO “strongly supports a peaceful, negotiated solution”',
          { cite: 'q-peaceful' },
          '. Pairing full enforcement of sanctions with a diplomatic way out follows the line Allies had already agreed, and it places NATO beside Tokyo and Seoul rather than ahead of them.',
        ],
        [
          'He also framed the North Korean programmes as a danger well beyond the region, noting that its missiles could now reach Allied territory in Europe and North America. Wire and broadcast coverage spread this framing widely',
          { cite: 'q-wire-sanctions' },
          { cite: 'q-broadcast-global' },
          ', but both reports rest on the speech itself and add no independent confirmation of what NATO intends.',
        ],
        [
          'On Japan, the Secretary General called the country NATO’s “natural partner”',
          { cite: 'q-partner' },
          '. Japanese press reporting of his talks with Prime Minister Abe describes agreement to widen practical work, with cyber defence and maritime security given as examples',
          { cite: 'q-daily-cooperation' },
          '. Both fields suit the two sides: they require no deployments and build on exchanges that already exist.',
        ],
        [
          'In Seoul, South Korean officials welcomed NATO’s support for sanctions and for diplomacy',
          { cite: 'q-agency-support' },
          ', and NATO’s own account of the visit stressed solidarity with the Republic of Korea',
          { cite: 'src-release' },
          '. Neither side suggested any role for the Alliance in managing the crisis on the peninsula.',
        ],
        [
          'Not everyone saw substance in the tour. A regional policy commentary argued that, without forces or a mandate in North-East Asia, NATO adds words but little weight to the pressure on Pyongyang',
          { cite: 'q-commentary-leverage' },
          '. A widely shared social media post went further, claiming that NATO was preparing to station troops in Japan',
          { cite: 'q-post-troops' },
          '. Nothing in the official record or in reliable reporting supports that claim, and we grade it E5.',
        ],
        [
          'For European Allies the visit made a point about reach. By tying North Korea’s programmes to the security of the whole Alliance, the Secretary General gave members a reason to enforce sanctions at home, against illicit finance and ship-to-ship transfers for instance, rather than to treat the crisis as a distant one. The message was aimed at Allied capitals as much as at Pyongyang.',
        ],
        [
          'Signs to watch in the coming months are visits by Japanese and South Korean ministers to NATO Headquarters, any new practical programme in cyber defence or maritime security, and whether Allied statements keep pairing pressure with an offer of talks. A turn towards talk of deterrence in the region, rather than of sanctions and diplomacy, would call the judgements below into question.',
        ],
        [
          'Taken together, the visit was a statement of political alignment with two partners under direct threat. Its practical effects will come through partnership programmes rather than through any change in NATO’s military posture.',
        ],
      ],
    },
    {
      heading: 'Key Judgements',
      paragraphs: [['Four key judgements follow. Each records its likelihood, our confidence in it and the evidence it rests on.']],
    },
  ],
  review: [
    {
      anchor: SAMPLE_REVIEW_ANCHOR,
      comments: [
        'Which source rules out a military role? The summary states it without a citation; the key judgement on it has the evidence.',
        'Agreed: cite the NATO news release on the Seoul visit here too, for a reader who stops at the summary.',
      ],
    },
  ],
};

/**
 * Four key judgements. The fourth rests on one strand of reporting (the speech and two stories
 * derived from it), so the single-source check flags it: the sample shows a check at work.
 */
export const SAMPLE_JUDGEMENTS: readonly SampleJudgement[] = [
  {
    key: 'kj-pressure',
    statement:
      'NATO will very likely keep backing the international pressure campaign against North Korea while calling for a negotiated settlement.',
    likelihood: 'very-likely',
    confidence: 'high',
    rationale:
      'The Secretary General set out both halves of the policy in his Tokyo speech, and South Korean reporting of the Seoul meetings describes the same line. NATO’s own account of the visit repeats it. The position follows statements all Allies have agreed, so changing it would take a decision by every member.',
    evidence: [
      { kind: 'quote', key: 'q-pressure', stance: 'supports', note: 'His own words in Tokyo.' },
      { kind: 'quote', key: 'q-peaceful', stance: 'supports', note: 'The negotiated half of the policy.' },
      { kind: 'quote', key: 'q-abandon', stance: 'supports', note: 'The aim the pressure serves.' },
      { kind: 'quote', key: 'q-agency-support', stance: 'supports', note: 'Independent South Korean reporting of the same line.' },
      { kind: 'source', key: 'src-release', stance: 'supports', note: 'NATO’s account of the Seoul leg.' },
      { kind: 'quote', key: 'q-wire-sanctions', stance: 'context', note: 'Repeats the speech; adds no independent weight.' },
    ],
  },
  {
    key: 'kj-japan',
    statement:
      'Japan and NATO are likely to widen practical cooperation, such as in cyber defence and maritime security, over the next two years.',
    likelihood: 'likely',
    confidence: 'moderate',
    rationale:
      'The speech called Japan a natural partner, and Japanese reporting of the talks with Prime Minister Abe names concrete fields of work. Although a regional commentary argues that NATO has little leverage in North-East Asia, that argument concerns pressure on Pyongyang rather than cooperation with Tokyo. Both fields need no deployments, which keeps the political cost low for both sides.',
    evidence: [
      { kind: 'quote', key: 'q-partner', stance: 'supports', note: 'Said of Japan in the speech.' },
      { kind: 'quote', key: 'q-daily-cooperation', stance: 'supports', note: 'Reports agreement on specific fields.' },
      { kind: 'quote', key: 'q-commentary-leverage', stance: 'contradicts', note: 'Doubts that NATO has much to offer in the region.' },
    ],
  },
  {
    key: 'kj-military',
    statement: 'NATO is very unlikely to take on a military role in North-East Asia in response to the crisis.',
    likelihood: 'very-unlikely',
    confidence: 'high',
    rationale:
      'NATO’s stated aim is a peaceful, negotiated outcome, and the Alliance has neither forces nor a mandate in the region. An anonymous social media post contradicts this, claiming that NATO will base troops in Japan; it names no source, no other outlet carries it, and we grade it E5.',
    evidence: [
      { kind: 'quote', key: 'q-peaceful', stance: 'supports', note: 'The stated aim is a negotiated outcome.' },
      { kind: 'quote', key: 'q-commentary-leverage', stance: 'supports', note: 'Notes the absence of forces and mandate.' },
      { kind: 'quote', key: 'q-post-troops', stance: 'contradicts', note: 'Unsourced claim, graded E5.' },
    ],
  },
  {
    key: 'kj-global',
    statement: 'NATO will likely keep presenting North Korea’s weapons programmes as a global threat rather than a regional one.',
    likelihood: 'likely',
    confidence: 'moderate',
    rationale:
      'The speech framed the programmes as a threat to all Allies, and wire and broadcast stories repeated that framing. Both stories rest on the speech, so the judgement has one independent source until other statements are found.',
    evidence: [
      { kind: 'source', key: 'src-speech', stance: 'supports', note: 'The framing comes from the speech.' },
      { kind: 'quote', key: 'q-broadcast-global', stance: 'supports', note: 'Rewritten from the wire story.' },
      { kind: 'source', key: 'src-wire', stance: 'supports', note: 'Based on the speech.' },
    ],
  },
];
