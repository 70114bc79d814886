import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MarkNode } from '@lexical/mark';
import { $getNodeByKey } from 'lexical';
import { $isMarkNode } from '@lexical/mark';
import { useEffect } from 'react';
import type { CommentMarksStore } from '../../../comments';
import { $activeAnchor } from './comment-marks';

/**
 * Keeps the Comments panel told which threads' words are in the text and which thread the caret
 * is in, and shows resolved threads' words quieter. Mark nodes are tracked through their own
 * mutations, so typing elsewhere walks nothing.
 */
export function CommentsPlugin({ store }: { store: CommentMarksStore }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const restyle = (key: string, ids: readonly string[]): void => {
      const element = editor.getElementByKey(key);
      if (!element) return;
      element.classList.toggle('comment-mark-resolved', ids.length > 0 && ids.every((id) => store.resolved.has(id)));
    };
    const removeMutations = editor.registerMutationListener(
      MarkNode,
      (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            const node = mutation === 'destroyed' ? null : $getNodeByKey(key);
            const ids = $isMarkNode(node) ? node.getIDs() : null;
            store.setMark(key, ids);
            if (ids) restyle(key, ids);
          }
        });
      },
      { skipInitialization: false },
    );
    const removeUpdates = editor.registerUpdateListener(({ editorState }) => {
      store.setActive(editorState.read($activeAnchor));
    });
    const removeResolved = store.onResolvedChange(() => {
      for (const [key, ids] of store.entries()) restyle(key, ids);
    });
    store.attachEditor();
    return () => {
      removeMutations();
      removeUpdates();
      removeResolved();
      store.clear();
    };
  }, [editor, store]);

  return null;
}
