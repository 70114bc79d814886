import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $addUpdateTag, RootNode, SKIP_DOM_SELECTION_TAG } from 'lexical';
import { useEffect } from 'react';

/** A place the analyst types into that is not part of this editor's text. */
function isTextFieldOutside(element: Element | null, root: HTMLElement): boolean {
  if (element === null || root.contains(element)) return false;
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

/**
 * Lexical puts the document's selection back into the editor after every update that changes
 * the text, wherever focus is. An update the analyst did not make (a saved judgement coming back,
 * a teammate's edit, a citation refreshed) would then move the selection out of the field they
 * are typing in elsewhere (the handling marking, a comment, a dialog), and Chromium sends the next
 * keys to the selection: into the briefing, or nowhere behind a modal dialog. While such a field
 * has focus, updates leave the document's selection alone; the editor's own selection is kept and
 * shown again when the analyst comes back to it.
 */
export function FocusGuardPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerNodeTransform(RootNode, () => {
        const root = editor.getRootElement();
        if (root !== null && isTextFieldOutside(document.activeElement, root)) $addUpdateTag(SKIP_DOM_SELECTION_TAG);
      }),
    [editor],
  );
  return null;
}
