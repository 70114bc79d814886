import type { LexicalEditor } from 'lexical';
import type { CitationStore } from './citation-store';

/**
 * Writes each citation's number, accessible name and broken state onto the element Lexical made
 * for it (CitationNode.createDOM). Only what differs is written: the marker's own text node keeps
 * its identity, and unchanged markers cost a comparison, so a renumbering after one new citation
 * touches the markers after it and nothing else.
 */
export function paintCitationMarkers(editor: LexicalEditor, store: CitationStore): void {
  for (const marker of store.markers()) {
    const element = editor.getElementByKey(marker.nodeKey);
    if (!element) continue;
    if (element.textContent !== marker.text) element.textContent = marker.text;
    if (element.getAttribute('aria-label') !== marker.label) element.setAttribute('aria-label', marker.label);
    if (element.classList.contains('citation-broken') !== marker.broken) element.classList.toggle('citation-broken', marker.broken);
  }
}

/**
 * Keeps the markers painted whenever the store's numbers or targets change (a citation's element
 * made anew by undo, paste or a re-created block is a citation mutation, which sets the order
 * again), not when only the caret moves. Returns the function that stops it.
 */
export function keepCitationMarkersPainted(editor: LexicalEditor, store: CitationStore): () => void {
  let painted = store.version();
  paintCitationMarkers(editor, store);
  return store.subscribe(() => {
    if (painted === store.version()) return;
    painted = store.version();
    paintCitationMarkers(editor, store);
  });
}
