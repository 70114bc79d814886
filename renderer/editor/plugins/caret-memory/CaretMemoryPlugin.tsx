import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { $readCaret, $restoreCaret, type CaretMemo } from './caret-path';
import { loadCaret, saveCaret } from '../../../app/caret-store';

function samePlace(a: CaretMemo | null, b: CaretMemo): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Remembers the caret of a briefing as it moves, and puts it back (with focus, so typing goes
 * on where it stopped) when the briefing opens again: after a reload, a restart or a visit to
 * another view.
 */
export function CaretMemoryPlugin({ briefingId, editable }: { briefingId: string; editable: boolean }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const memo = loadCaret(briefingId);
    if (memo && editable) {
      let restored = false;
      editor.update(
        () => {
          restored = $restoreCaret(memo);
        },
        { onUpdate: () => restored && editor.focus() },
      );
    }
    let last = memo;
    return editor.registerUpdateListener(({ editorState }) => {
      const next = editorState.read($readCaret);
      if (!next || samePlace(last, next)) return;
      last = next;
      saveCaret(briefingId, next);
    });
  }, [editor, briefingId, editable]);

  return null;
}
