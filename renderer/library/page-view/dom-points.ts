/**
 * Where a DOM selection boundary falls among a layer's text elements (one per item: a PDF text
 * item, an OCR word): which element, and how far into its text. A boundary on a container (a drag
 * that starts between words) snaps to the next element for a start, the previous one for an end.
 */
export function pointAmong(
  elements: ReadonlyMap<Node, number>,
  node: Node,
  offset: number,
  edge: 'start' | 'end',
): { item: number; offset: number } | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const item = node.parentNode ? elements.get(node.parentNode) : undefined;
    return item === undefined ? null : { item, offset };
  }
  const own = elements.get(node);
  if (own !== undefined) return { item: own, offset: offset === 0 ? 0 : (node.textContent ?? '').length };
  const children = node.childNodes;
  if (edge === 'start') {
    for (let index = offset; index < children.length; index += 1) {
      const item = elementIndex(elements, children[index]);
      if (item) return { item: item.index, offset: 0 };
    }
  } else {
    for (let index = Math.min(offset, children.length) - 1; index >= 0; index -= 1) {
      const item = elementIndex(elements, children[index]);
      if (item) return { item: item.index, offset: item.length };
    }
  }
  return null;
}

/** The element itself, or the first (last) one inside it, with its text length. */
function elementIndex(elements: ReadonlyMap<Node, number>, node: Node | undefined): { index: number; length: number } | null {
  if (!node) return null;
  const index = elements.get(node);
  if (index !== undefined) return { index, length: (node.textContent ?? '').length };
  for (const child of Array.from(node.childNodes)) {
    const found = elementIndex(elements, child);
    if (found) return found;
  }
  return null;
}

/** The selection's range when it lies wholly inside `root` and selects something, else null. */
export function rangeInside(root: HTMLElement | null): Range | null {
  const selection = document.getSelection();
  if (!root || !selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (range.collapsed || !root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  return range;
}
