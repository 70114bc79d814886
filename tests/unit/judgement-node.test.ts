import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { templateState } from '../../src/briefing/template';
import { countSerialized, type SerializedCountNode } from '../../src/briefing/word-count';
import { LiveWordCounter } from '../../src/editor/live-count';
import { BRIEFING_NODES } from '../../src/editor/nodes';
import { $createJudgementNode, $isJudgementNode } from '../../src/editor/nodes/JudgementNode';

describe('JudgementNode', () => {
  it('keeps its judgement id and statement through JSON, and its statement counts as words of its section, live and stored', () => {
    const editor = createHeadlessEditor({
      nodes: [...BRIEFING_NODES],
      onError: (error) => {
        throw error;
      },
    });
    editor.setEditorState(
      editor.parseEditorState(
        templateState({
          sections: [
            { heading: 'Summary', cap: null },
            { heading: 'Key Judgements', cap: 150 },
          ],
        }),
      ),
    );
    const counter = new LiveWordCounter();
    counter.track(editor);
    counter.count(editor.getEditorState());
    editor.update(
      () =>
        $getRoot().getLastChildOrThrow<ElementNode>().append($createJudgementNode('j-1', 'Japan will deepen its partnership with NATO.')),
      { discrete: true },
    );
    let live = counter.count(editor.getEditorState());
    expect(live.sections.find((section) => section.heading === 'Key Judgements')?.words).toBe(7);
    expect(live).toEqual(countSerialized(editor.getEditorState().toJSON().root as unknown as SerializedCountNode));

    // Editing the statement on the record updates the block's copy, and the count follows.
    editor.update(
      () => {
        const node = $getRoot().getLastChildOrThrow<ElementNode>().getLastChild();
        if ($isJudgementNode(node)) node.setStatement('Japan will stay a partner.');
      },
      { discrete: true },
    );
    live = counter.count(editor.getEditorState());
    expect(live.sections.find((section) => section.heading === 'Key Judgements')?.words).toBe(5);

    const json = JSON.stringify(editor.getEditorState().toJSON());
    const reopened = createHeadlessEditor({
      nodes: [...BRIEFING_NODES],
      onError: (error) => {
        throw error;
      },
    });
    reopened.setEditorState(reopened.parseEditorState(json));
    const ids = reopened.getEditorState().read(() =>
      $getRoot()
        .getLastChildOrThrow<ElementNode>()
        .getChildren()
        .filter($isJudgementNode)
        .map((node) => [node.getJudgementId(), node.getStatement()]),
    );
    expect(ids).toEqual([['j-1', 'Japan will stay a partner.']]);
    expect(LiveWordCounter.text(reopened.getEditorState())).toContain('Japan will stay a partner.');
  });
});
