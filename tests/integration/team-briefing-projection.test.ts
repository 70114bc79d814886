import { $createTextNode, $getRoot, $isElementNode, type ElementNode, type LexicalNode } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BriefingProjection } from '../../main/team-client/briefing-projection';
import { bodyFacts } from '../../src/sample';
import { bindBriefingEditor, seedBriefingBody } from '../../src/team/briefing-body';
import { bodyCitations } from './helpers/body-nodes';
import { ExportFixture } from './helpers/export-fixture';
import { waitFor } from './helpers/team';
import { TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

/** The first paragraph with text, wherever it sits (sections hold them). */
function $firstParagraph(nodes: readonly LexicalNode[]): ElementNode | null {
  for (const node of nodes) {
    if (!$isElementNode(node)) continue;
    if (node.getType() === 'paragraph' && node.getTextContent() !== '') return node;
    {
      const inner = $firstParagraph(node.getChildren());
      if (inner) return inner;
    }
  }
  return null;
}

describe('a shared briefing’s stored body', () => {
  it('follows its document: one write per burst of edits, text, word count and citations all kept', async () => {
    const fixture = new ExportFixture(temp);
    const ws = fixture.workspace;
    const id = fixture.sample.briefingId;
    const before = ws.briefings.get(id);
    const doc = new Y.Doc();
    const editing = bindBriefingEditor(doc);
    seedBriefingBody(doc, before.body);
    const projection = new BriefingProjection(doc, {
      store: (projected) => ws.briefings.saveBody({ id, ...projected }),
      storedBody: () => ws.briefings.get(id).body,
      onError: (error) => {
        throw error;
      },
      idleMs: 50,
    });
    // Seeding changes nothing in the row: the projection of the seed is the stored body.
    await waitFor(() => !projection.pending, 'the seed to be projected');
    expect(ws.briefings.get(id).version).toBe(before.version);

    for (let i = 0; i < 20; i += 1) {
      editing.editor.update(
        () =>
          $firstParagraph($getRoot().getChildren())
            ?.getFirstDescendant()
            ?.insertBefore($createTextNode(`w${i} `)),
        {
          discrete: true,
        },
      );
    }
    await waitFor(() => !projection.pending, 'the edits to be projected');
    const after = ws.briefings.get(id);
    expect(after.version).toBe(before.version + 1);
    expect(after.wordCount).toBe(bodyFacts(before.body).count.total + 20);
    expect(after.bodyText).toContain('w19 w18 w17');
    expect(bodyCitations(after.body)).toEqual(bodyCitations(before.body));
    expect(bodyCitations(after.body).length).toBeGreaterThan(0);
    projection.close();
    editing.close();
  });
});
