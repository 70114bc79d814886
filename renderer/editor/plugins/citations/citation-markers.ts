import type { LexicalEditor } from 'lexical';
import type { CitationStore } from './citation-store';

/**
 * Writes each citation's number, accessible name and broken state onto the element Lexical made
 * for it (CitationNode.createDOM). The number goes into `data-marker`, which CSS draws
 * (`.citation::after`), not into a text node: Chromium's walk to the caret on every keystroke
 * skips drawn text, and 500 markers' text nodes cost it about 0.5 ms a key (BENCHMARKS.md, editor).
 * Only what differs is written, so a renumbering touches the markers after the change and no other.
 */
export function paintCitationMarkers(editor: LexicalEditor, store: CitationStore): void {
  for (const marker of store.markers()) {
    const element = editor.getElementByKey(marker.nodeKey);
    if (!element) continue;
    if (element.dataset.marker !== marker.text) element.dataset.marker = marker.text;
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
