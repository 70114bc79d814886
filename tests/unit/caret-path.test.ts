import { createHeadlessEditor } from '@lexical/headless';
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $setSelection,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { $readCaret, $restoreCaret, type CaretMemo } from '../../renderer/editor/plugins/caret-memory/caret-path';

function editorWith(paragraphs: string[]): LexicalEditor {
  const editor = createHeadlessEditor({
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      for (const text of paragraphs) $getRoot().append($createParagraphNode().append($createTextNode(text)));
    },
    { discrete: true },
  );
  return editor;
}

describe('caret paths', () => {
  it('a caret read as a path is put back at the same place in a freshly loaded copy', () => {
    const first = editorWith(['Summary text.', 'Alpha bravo charlie.']);
    const read: { memo: CaretMemo | null } = { memo: null };
    first.update(
      () => {
        const paragraph = $getRoot().getChildAtIndex(1);
        const text = $isElementNode(paragraph) ? paragraph.getFirstDescendant() : null;
        const selection = $createRangeSelection();
        selection.anchor.set(text?.getKey() ?? '', 12, 'text');
        selection.focus.set(text?.getKey() ?? '', 12, 'text');
        $setSelection(selection);
        read.memo = $readCaret();
      },
      { discrete: true },
    );
    const memo = read.memo;
    if (!memo) throw new Error('no caret was read');
    expect(memo).toEqual({ anchor: { path: [1, 0], offset: 12, type: 'text' }, focus: { path: [1, 0], offset: 12, type: 'text' } });

    const reloaded = editorWith(['Summary text.', 'Alpha bravo charlie.']);
    reloaded.update(
      () => {
        expect($restoreCaret(memo)).toBe(true);
      },
      { discrete: true },
    );
    expect(reloaded.getEditorState().read($readCaret)).toEqual(memo);
  });

  it('a caret that no longer fits the text is left out rather than guessed at', () => {
    const shorter = editorWith(['Summary text.', 'Alpha.']);
    const memo: CaretMemo = { anchor: { path: [1, 0], offset: 12, type: 'text' }, focus: { path: [1, 0], offset: 12, type: 'text' } };
    const gone: CaretMemo = { anchor: { path: [5, 0], offset: 0, type: 'text' }, focus: { path: [5, 0], offset: 0, type: 'text' } };
    shorter.update(
      () => {
        expect($restoreCaret(memo)).toBe(false);
        expect($restoreCaret(gone)).toBe(false);
      },
      { discrete: true },
    );
    expect(shorter.getEditorState().read($readCaret)).toBeNull();
  });
});
