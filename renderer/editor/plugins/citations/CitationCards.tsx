import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, type LexicalEditor } from 'lexical';
import { useEffect, useId, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { CitationTarget } from '../../../../src/domain/briefing';
import { $isCitationNode } from '../../../../src/editor/nodes/CitationNode';
import { PopoverCard } from '../../popover/PopoverCard';
import type { CitationStore } from './citation-store';

function describe(target: CitationTarget | null): { title: string; detail: string } {
  if (!target) return { title: 'Looking up…', detail: '' };
  if (target.state === 'missing') return { title: 'Broken reference', detail: `The cited ${target.kind} no longer exists.` };
  if (target.state === 'trashed')
    return { title: 'Broken reference', detail: `The cited ${target.kind} is in the trash: restore it to mend this citation.` };
  return target.kind === 'quote'
    ? { title: `“${target.text}”`, detail: `${target.sourceTitle} · grade ${target.grade}` }
    : { title: target.sourceTitle, detail: `Whole source · reliability ${target.grade}` };
}

/** The key of the citation whose marker holds `target`, if it is one. */
function citationKeyAt(editor: LexicalEditor, target: EventTarget | null): string | null {
  const marker = target instanceof Element ? target.closest('.citation') : null;
  if (!marker) return null;
  return editor.read(() => {
    const node = $getNearestNodeFromDOMNode(marker);
    return $isCitationNode(node) ? node.getKey() : null;
  });
}

/**
 * The citation the pointer is over or that has focus. One listener on the editor's root for all
 * markers, not one per marker: the markers are Lexical's own elements, with no React view.
 */
function usePointedCitation(editor: LexicalEditor): string | null {
  const [pointed, setPointed] = useState<string | null>(null);
  useEffect(
    () =>
      editor.registerRootListener((root, previous) => {
        const enter = (event: Event): void => {
          const key = citationKeyAt(editor, event.target);
          if (key) setPointed(key);
        };
        const leave = (event: Event): void => {
          const key = citationKeyAt(editor, event.target);
          const next = (event as MouseEvent | FocusEvent).relatedTarget;
          if (!key || citationKeyAt(editor, next) === key) return;
          setPointed((current) => (current === key ? null : current));
        };
        const listeners = [
          ['mouseover', enter],
          ['focusin', enter],
          ['mouseout', leave],
          ['focusout', leave],
        ] as const;
        for (const [name, listener] of listeners) {
          previous?.removeEventListener(name, listener);
          root?.addEventListener(name, listener);
        }
        return () => {
          for (const [name, listener] of listeners) root?.removeEventListener(name, listener);
        };
      }),
    [editor],
  );
  return pointed;
}

function CitationCard({ editor, store, nodeKey }: { editor: LexicalEditor; store: CitationStore; nodeKey: string }) {
  const tipId = useId();
  const anchor = editor.getElementByKey(nodeKey);
  const ref = store.refOf(nodeKey);
  // The marker is described by its card while the card is open, as a button with a tooltip is.
  useLayoutEffect(() => {
    if (!anchor) return;
    anchor.setAttribute('aria-describedby', tipId);
    return () => anchor.removeAttribute('aria-describedby');
  }, [anchor, tipId]);
  if (!anchor || !ref) return null;
  const text = describe(store.display(nodeKey, ref).target);
  return (
    <PopoverCard anchor={anchor} role="tooltip" id={tipId} className="citation-tip">
      <strong className="citation-tip-title">{text.title}</strong>
      <span className="citation-tip-detail">{text.detail}</span>
    </PopoverCard>
  );
}

/**
 * The cards of the citations under the pointer, focused, or next to the caret (so keyboard users
 * read them too): quote, source and grade, drawn in the popover layer outside the text.
 */
export function CitationCards({ store }: { store: CitationStore }) {
  const [editor] = useLexicalComposerContext();
  const pointed = usePointedCitation(editor);
  const active = useSyncExternalStore(store.subscribe, () => store.activeKey());
  // Re-read when numbers or targets change: a card open while its target resolves shows it.
  useSyncExternalStore(store.subscribe, () => store.version());
  const open = [...new Set([pointed, active])].filter((key): key is string => key !== null);
  return open.map((nodeKey) => <CitationCard key={nodeKey} editor={editor} store={store} nodeKey={nodeKey} />);
}
