import { stopLexicalPropagation } from 'lexical';
import { useEffect, type RefObject } from 'react';

const EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'paste',
  'copy',
  'cut',
  'compositionstart',
  'compositionend',
  'dragover',
  'drop',
] as const;

/**
 * Form fields inside a block of the editor belong to the block, not to the text: their events
 * are marked as handled for Lexical (which listens on the editor root) and still reach React.
 */
export function useIsolatedInput(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const mark = (event: Event): void => {
      if (
        event.target instanceof HTMLInputElement ||
        event.target instanceof HTMLTextAreaElement ||
        event.target instanceof HTMLSelectElement ||
        event.target instanceof HTMLButtonElement
      )
        stopLexicalPropagation(event);
    };
    for (const name of EVENTS) element.addEventListener(name, mark);
    return () => {
      for (const name of EVENTS) element.removeEventListener(name, mark);
    };
  }, [ref]);
}
