import { createHeadlessEditor } from '@lexical/headless';
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { markQuotedWords } from '../../renderer/editor/plugins/comments/quoted-marks';

function editorWith(...paragraphs: (readonly [string, number][])[]): LexicalEditor {
  const editor = createHeadlessEditor({
    nodes: [MarkNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      for (const runs of paragraphs) {
        const paragraph = $createParagraphNode();
        for (const [text, format] of runs) paragraph.append($createTextNode(text).setFormat(format));
        $getRoot().append(paragraph);
      }
    },
    { discrete: true },
  );
  return editor;
}

const marked = (editor: LexicalEditor): string[] =>
  editor.getEditorState().read(() =>
    $dfs()
      .map(({ node }) => node)
      .filter($isMarkNode)
      .map((mark) => `${mark.getIDs().join(',')}:${mark.getTextContent()}`),
  );

describe('marking the words a reviewer quoted', () => {
  it('marks them across formatting when they occur once, and leaves ambiguous or vanished words alone', () => {
    const editor = editorWith(
      [
        ['The visit framed North Korea as a ', 0],
        ['global', 1],
        ['  threat.', 0],
      ],
      [['Another threat.', 0]],
    );
    expect(markQuotedWords(editor, 'q-anchor-0001', 'a global threat')).toBe(true);
    expect(marked(editor)).toEqual(['q-anchor-0001:a global  threat']);
    expect(markQuotedWords(editor, 'q-anchor-0002', 'threat')).toBe(false);
    expect(markQuotedWords(editor, 'q-anchor-0003', 'words no one wrote')).toBe(false);
    expect(marked(editor)).toHaveLength(1);
  });
});
