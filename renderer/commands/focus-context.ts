import type { CommandContext } from './context';

/** The page's focus and dialogs as a context (the route and host flags come from the caller). */
export function readFocusContext(doc: Document): Pick<CommandContext, 'editorFocused' | 'typing' | 'dialogOpen'> {
  const active = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const editorFocused = active?.closest('[data-lexical-editor="true"]') != null;
  const typing =
    active !== null &&
    (active.isContentEditable ||
      active instanceof HTMLTextAreaElement ||
      active instanceof HTMLSelectElement ||
      (active instanceof HTMLInputElement &&
        !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(active.type)));
  return { editorFocused, typing, dialogOpen: doc.querySelector('dialog[open]') !== null };
}
