import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { DocumentCount } from '../../../../src/briefing/word-count';
import { LiveWordCounter } from '../../../../src/editor/live-count';

/** How long counting waits after an edit, so a burst of keystrokes is counted once. */
const COUNT_DELAY_MS = 250;

/** Counts the document live (per section, incrementally) and reports each new count. */
export function WordCountPlugin({ onCount }: { onCount: (count: DocumentCount) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const counter = new LiveWordCounter();
    let timer: number | undefined;
    const untrack = counter.track(editor);
    onCount(counter.count(editor.getEditorState()));
    const unregister = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onCount(counter.count(editorState)), COUNT_DELAY_MS);
    });
    return () => {
      window.clearTimeout(timer);
      unregister();
      untrack();
    };
  }, [editor, onCount]);
  return null;
}
