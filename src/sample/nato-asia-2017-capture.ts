/*
 * The sample's offline capture of the Tokyo speech: an HTML page written for the sample, in the
 * shape a saved page has (head, navigation, article, footer). Apart from the four short phrases
 * the sample quotes verbatim, its sentences summarise the speech in the sample's own words and
 * say so, so nothing here is offered as NATO's transcript.
 */

/** The address the sample's sources give; `.example` is reserved and never resolves. */
export const SAMPLE_SITE = 'https://sample.warrant.example';

export const SPEECH_CAPTURE_FILE_NAME = 'speech-national-press-club-tokyo.html';

export const SPEECH_CAPTURE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Speech at the National Press Club of Japan (sample capture)</title>
<style>body { font-family: serif; max-width: 40em; margin: 2em auto; }</style>
</head>
<body>
<nav><a href="${SAMPLE_SITE}/">Home</a> · <a href="${SAMPLE_SITE}/speeches">Speeches</a></nav>
<article>
<h1>Speech by the NATO Secretary General at the National Press Club of Japan</h1>
<p><em>Tokyo, 31 October 2017. Sample capture written for the Warrant sample workspace: the
passages below summarise the speech in the sample's own words; only the four quoted phrases are
the speaker's.</em></p>
<h2>Why Asia matters to the Alliance</h2>
<p>The Secretary General opened by saying that security in Europe and in Asia can no longer be
kept apart: missiles and cyber attacks do not respect regions, and what happens on the Korean
peninsula touches Europe too.</p>
<p>He described Japan as a natural partner for NATO, a democracy that shares the Alliance's
values and its interest in a rules-based order.</p>
<h2>North Korea</h2>
<p>Turning to North Korea, he called its nuclear and missile tests a threat to the whole world,
not only to its neighbours, and said the country must abandon its nuclear program once and for all,
in a complete, verifiable and irreversible way.</p>
<p>He argued that pressure is key: the sanctions agreed by the UN Security Council work only if
every state carries them out in full, and NATO allies were urged to do so.</p>
<p>At the same time, he said, NATO strongly supports a peaceful, negotiated solution, and military
action is not what the Alliance seeks.</p>
<h2>Practical cooperation</h2>
<p>He closed by listing the fields in which NATO and Japan already work together, from maritime
security to cyber defence, and said both sides want to do more.</p>
</article>
<footer><p>Sample page. Nothing on it is loaded from the network.</p></footer>
</body>
</html>
`;
