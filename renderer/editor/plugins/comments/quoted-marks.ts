import { $isMarkNode, $wrapSelectionInMarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import { $createRangeSelection, $isElementNode, $isTextNode, type ElementNode, type LexicalEditor, type TextNode } from 'lexical';

/** The nearest enclosing block (paragraph, heading, list item): a quote is looked for inside one. */
function blockOf(node: TextNode): ElementNode | null {
  let parent = node.getParent();
  while (parent !== null && ($isMarkNode(parent) || (parent.isInline() && $isElementNode(parent)))) parent = parent.getParent();
  return parent;
}

interface Hit {
  readonly start: { node: TextNode; offset: number };
  readonly end: { node: TextNode; offset: number };
}

/** Where `quote` occurs in the text, block by block (whitespace as the quote was taken: runs made one space). */
function $findQuote(quote: string): Hit[] {
  const blocks = new Map<string, TextNode[]>();
  for (const { node } of $dfs()) {
    if (!$isTextNode(node)) continue;
    const block = blockOf(node);
    if (!block) continue;
    const held = blocks.get(block.getKey()) ?? [];
    held.push(node);
    blocks.set(block.getKey(), held);
  }
  const hits: Hit[] = [];
  for (const nodes of blocks.values()) {
    // Each character of the block's text, with the node and offset it came from.
    const places: { node: TextNode; offset: number }[] = [];
    let text = '';
    for (const node of nodes) {
      const content = node.getTextContent();
      for (let offset = 0; offset < content.length; offset += 1) {
        const char = /\s/.test(content[offset] ?? '') ? ' ' : (content[offset] ?? '');
        if (char === ' ' && text.endsWith(' ')) continue;
        text += char;
        places.push({ node, offset });
      }
    }
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
      const first = places[at];
      const last = places[at + quote.length - 1];
      if (first && last) hits.push({ start: first, end: { node: last.node, offset: last.offset + 1 } });
    }
  }
  return hits;
}

/**
 * Marks the words a reviewer quoted (a reviewer may not change the text, so their thread arrives
 * without a mark) when they occur exactly once; false when they are gone or ambiguous.
 */
export function markQuotedWords(editor: LexicalEditor, anchor: string, quote: string): boolean {
  if (quote.trim() === '') return false;
  let marked = false;
  editor.update(
    () => {
      const hits = $findQuote(quote);
      const hit = hits[0];
      if (hits.length !== 1 || !hit) return;
      const selection = $createRangeSelection();
      selection.anchor.set(hit.start.node.getKey(), hit.start.offset, 'text');
      selection.focus.set(hit.end.node.getKey(), hit.end.offset, 'text');
      $wrapSelectionInMarkNode(selection, false, anchor);
      marked = true;
    },
    { discrete: true },
  );
  return marked;
}
