import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { $readCaret, $restoreCaret, type CaretMemo } from './caret-path';
import { loadCaret, saveCaret } from '../../../app/caret-store';

/**
 * The caret is kept once it rests: writing local storage on every keystroke (each one moves the
 * caret) cost about a millisecond a key on the typing path of a long briefing.
 */
const REST_MS = 300;

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
    let resting: CaretMemo | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const keep = (): void => {
      clearTimeout(timer);
      if (resting === null) return;
      saveCaret(briefingId, resting);
      resting = null;
    };
    const unregister = editor.registerUpdateListener(({ editorState }) => {
      const next = editorState.read($readCaret);
      if (!next || samePlace(last, next)) return;
      last = next;
      resting = next;
      clearTimeout(timer);
      timer = setTimeout(keep, REST_MS);
    });
    // A reload or a closed tab unmounts nothing: the caret is kept as the page goes.
    window.addEventListener('pagehide', keep);
    return () => {
      unregister();
      window.removeEventListener('pagehide', keep);
      keep();
    };
  }, [editor, briefingId, editable]);

  return null;
}
