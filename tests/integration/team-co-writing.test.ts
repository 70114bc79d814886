// Two analysts' editors on one briefing through a real team server: headless Lexical editors bound
// by @lexical/yjs, as the page binds its editor, interleaving edits in one paragraph.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { $getRoot, $isElementNode, $isTextNode, type ElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTeamServer } from '../../main/team/team-server';
import { bodyFacts, SAMPLE_WORKSPACE, sampleBodyState } from '../../src/sample';
import { bindBriefingEditor, briefingDocumentName, projectBriefing, seedBriefingBody } from '../../src/team/briefing-body';
import { bodyCitations, bodySections } from './helpers/body-nodes';
import { connect, connected, login, waitFor, type TeamClient } from './helpers/team';
import { startTeam, TEAM_PASSWORD as PASSWORD } from './helpers/team-setup';

const SAMPLE_TYPE = { sections: SAMPLE_WORKSPACE.briefing.sections.map((s, i) => ({ heading: s.heading, cap: i === 3 ? 150 : null })) };
const SAMPLE_BODY = sampleBodyState(SAMPLE_WORKSPACE.briefing, SAMPLE_TYPE, (key) => ({
  kind: SAMPLE_WORKSPACE.sources.some((s) => s.key === key) ? 'source' : 'quote',
  id: `id-${key}`,
}));

let dataDir: string;
let server: RunningTeamServer;
const tokens: Record<string, string> = {};
const closers: (() => void)[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'warrant-co-writing-'));
  server = await startTeam(dataDir, { ana: 'analyst', bob: 'analyst' }, { log: () => undefined });
  for (const name of ['ana', 'bob']) tokens[name] = (await login(server.httpUrl, name, PASSWORD)).token ?? '';
});

afterAll(async () => {
  for (const close of closers) close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Analyst {
  client: TeamClient;
  editor: LexicalEditor;
}

/** An analyst's editor, bound before the provider's first sync brings the body in (as the page's is). */
function analyst(user: string, document: string): Analyst {
  const client = connect(server.url, document, tokens[user] ?? '');
  const bound = bindBriefingEditor(client.doc);
  closers.push(() => (bound.close(), client.close()));
  return { client, editor: bound.editor };
}

function stateOf(editor: LexicalEditor): string {
  return JSON.stringify(editor.read(() => editor.getEditorState().toJSON()));
}

/** The first paragraph holding a citation: the edits crowd around it. */
function $citedParagraph(): ElementNode {
  const stack = [...$getRoot().getChildren()];
  for (let node = stack.shift(); node; node = stack.shift()) {
    if (!$isElementNode(node)) continue;
    if (node.getType() === 'paragraph' && node.getChildren().some((child) => child.getType() === 'citation')) return node;
    stack.unshift(...node.getChildren());
  }
  throw new Error('The sample has no cited paragraph.');
}

function $typeInto(node: LexicalNode | null, at: number | 'end', text: string): void {
  if (!$isTextNode(node)) throw new Error('Expected a text node to type into.');
  node.spliceText(at === 'end' ? node.getTextContentSize() : at, 0, text);
}

describe('co-writing a briefing', () => {
  it('converges when two editors type into one cited paragraph at once, and the projection keeps every citation', async () => {
    const document = briefingDocumentName('co-written');
    const ana = analyst('ana', document);
    await connected(ana.client);
    seedBriefingBody(ana.client.doc, SAMPLE_BODY);
    const bob = analyst('bob', document);
    await connected(bob.client);
    await waitFor(() => stateOf(bob.editor) === stateOf(ana.editor), 'Bob to receive the seeded body');

    const rounds = 8;
    for (let i = 0; i < rounds; i += 1) {
      // Ana types at the paragraph's start, Bob just before its first citation and at its end:
      // typing, as a keyboard does it, into the text nodes already there.
      ana.editor.update(() => $typeInto($citedParagraph().getFirstChild(), 0, `ana${i} `), { discrete: true });
      bob.editor.update(
        () => {
          const paragraph = $citedParagraph();
          const beforeCitation = paragraph
            .getChildren()
            .find((child) => child.getType() === 'citation')
            ?.getPreviousSibling();
          $typeInto(beforeCitation ?? null, 'end', ` bob${i}`);
          $typeInto(paragraph.getLastChild(), 'end', ` end${i}`);
        },
        { discrete: true },
      );
      // Every other round waits for the other side, so edits land both on stale and on fresh states.
      if (i % 2 === 1) await waitFor(() => stateOf(ana.editor) === stateOf(bob.editor), `round ${i} to converge`);
    }
    await waitFor(() => stateOf(ana.editor) === stateOf(bob.editor), 'both editors to converge');

    const paragraphText = ana.editor.read(() => $citedParagraph().getTextContent());
    for (let i = 0; i < rounds; i += 1) for (const word of [`ana${i}`, `bob${i}`, `end${i}`]) expect(paragraphText).toContain(word);
    for (const side of [ana, bob]) {
      const projected = projectBriefing(side.client.doc);
      expect(bodyCitations(projected.body)).toEqual(bodyCitations(SAMPLE_BODY));
      expect(bodySections(projected.body)).toEqual(['s1', 's2', 's3', 's4']);
      expect(projected.wordCount).toBe(bodyFacts(SAMPLE_BODY).count.total + 3 * rounds);
    }
    expect(projectBriefing(ana.client.doc).body).toBe(projectBriefing(bob.client.doc).body);
  });
});
