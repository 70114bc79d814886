import { useEffect, type RefObject } from 'react';

/**
 * Keeps typing in the field that has focus in a modal dialog. Something behind the dialog can
 * move the document's selection while the analyst types in it: the briefing editor sets its
 * selection when a background update lands (a saved judgement coming back, say). The field keeps
 * focus, but Chromium inserts typed text at the document's selection, which is then in the inert
 * editor, so the keys went nowhere. When the selection leaves the dialog while one of its text
 * fields has focus, the field's own selection is put back.
 */
export function useTypingStaysInDialog(dialog: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Where each field's caret was while the selection was still its own (kept as the analyst
    // types, clicks and selects): once the document's selection has moved, the field reports 0.
    const carets = new WeakMap<EventTarget, [number, number]>();
    const remember = (event: Event): void => {
      const field = event.target;
      const anchor = document.getSelection()?.anchorNode ?? null;
      if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && anchor !== null && element.contains(anchor)) {
        const { selectionStart, selectionEnd } = field;
        if (selectionStart !== null && selectionEnd !== null) carets.set(field, [selectionStart, selectionEnd]);
      }
    };
    const putBack = (): void => {
      const field = document.activeElement;
      if (!element.open || !(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || !element.contains(field)) return;
      const anchor = document.getSelection()?.anchorNode ?? null;
      if (anchor !== null && element.contains(anchor)) return;
      const [start, end] = carets.get(field) ?? [field.value.length, field.value.length];
      try {
        field.setSelectionRange(start, end);
      } catch {
        // Inputs without a text selection (date, number) have nothing to put back.
      }
    };
    const events = ['input', 'keyup', 'pointerup', 'select', 'focusin'] as const;
    for (const name of events) element.addEventListener(name, remember, true);
    // As soon as the selection moves, and again before each key: a key pressed before the
    // `selectionchange` task runs would otherwise still be lost.
    document.addEventListener('selectionchange', putBack);
    element.addEventListener('keydown', putBack, true);
    return () => {
      for (const name of events) element.removeEventListener(name, remember, true);
      document.removeEventListener('selectionchange', putBack);
      element.removeEventListener('keydown', putBack, true);
    };
  }, [dialog]);
}
