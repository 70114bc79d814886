import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SAMPLE_WORKSPACE, sampleBodyState, bodyFacts } from '../../src/sample';
import { hasBriefingBody, projectBriefing, projectBriefingBody, seedBriefingBody } from '../../src/team/briefing-body';

const BRIEFING_TYPE = { sections: SAMPLE_WORKSPACE.briefing.sections.map((s, i) => ({ heading: s.heading, cap: i === 3 ? 150 : null })) };
const SAMPLE_BODY = sampleBodyState(SAMPLE_WORKSPACE.briefing, BRIEFING_TYPE, (key) => ({
  kind: SAMPLE_WORKSPACE.sources.some((s) => s.key === key) ? 'source' : 'quote',
  id: `id-${key}`,
}));

const BLOCK = { format: '', indent: 0, version: 1, direction: null };
const text = (value: string) => ({ type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 });

/** The sample body with the nodes it lacks: a judgement block, an image and an annex section. */
function withEveryNode(body: string): string {
  const state = JSON.parse(body) as { root: { children: unknown[] } };
  state.root.children.push(
    { type: 'judgement', judgementId: 'kj-1', statement: 'Talks will likely resume.', version: 1 },
    {
      type: 'section',
      sectionId: 's9',
      role: 'annex',
      cap: 40,
      children: [
        {
          type: 'paragraph',
          children: [{ type: 'image', imageId: 'img-1', altText: 'Map', version: 1 }],
          ...BLOCK,
          textFormat: 0,
          textStyle: '',
        },
      ],
      ...BLOCK,
    },
    {
      type: 'paragraph',
      children: [text('Closing '), { type: 'mark', ids: ['c1', 'c2'], children: [text('words')], ...BLOCK }],
      ...BLOCK,
      textFormat: 0,
      textStyle: '',
    },
  );
  return JSON.stringify(state);
}

describe('a briefing body in a Yjs document', () => {
  it('seeds and projects back the same JSON, every custom node included', () => {
    const body = withEveryNode(SAMPLE_BODY);
    const doc = new Y.Doc();
    expect(hasBriefingBody(doc)).toBe(false);
    seedBriefingBody(doc, body);
    expect(hasBriefingBody(doc)).toBe(true);
    expect(JSON.parse(JSON.stringify(projectBriefingBody(doc)))).toEqual(JSON.parse(body));
    // Another replica built from the document's bytes alone projects the same body.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(JSON.parse(projectBriefing(replica).body)).toEqual(JSON.parse(body));
  });

  it('projects the text and word count the editor saves, and refuses a second seed', () => {
    const doc = new Y.Doc();
    seedBriefingBody(doc, SAMPLE_BODY);
    const projected = projectBriefing(doc);
    const facts = bodyFacts(SAMPLE_BODY);
    expect(projected.wordCount).toBe(facts.count.total);
    expect(projected.bodyText).toBe(facts.text);
    expect(() => seedBriefingBody(doc, SAMPLE_BODY)).toThrow(/already holds a body/);
  });
});
