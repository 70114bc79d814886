import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $addUpdateTag, RootNode, SKIP_DOM_SELECTION_TAG } from 'lexical';
import { useEffect } from 'react';

/**
 * A place the analyst types into that is not part of this editor's text. Fields in a modal dialog
 * are left out: a dialog over the editor (cite, link) often changes the text itself and closes,
 * handing focus back to a caret that must already be in place, and its fields keep their typing
 * on their own (renderer/shell/useTypingStaysInDialog.ts).
 */
function isTextFieldOutside(element: Element | null, root: HTMLElement): boolean {
  if (element === null || root.contains(element) || element.closest('dialog[open]') !== null) return false;
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
 * are typing in elsewhere (the handling marking, a comment), and Chromium sends the next keys to
 * the selection: into the briefing. While such a field has focus, updates leave the document's
 * selection alone; the editor's own selection is kept and shown again when the analyst comes
 * back to it.
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
