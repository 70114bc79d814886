import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, type MarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import {
  $createRangeSelection,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type BaseSelection,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

/** The words a new comment will be anchored to: the selection as it was when the analyst asked. */
export interface PendingComment {
  readonly selection: BaseSelection;
  readonly quote: string;
}

const MAX_QUOTE = 2_000;

/** The selected words, if any, kept so a comment can be written before they are marked. */
export function readPendingComment(editor: LexicalEditor): PendingComment | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
    const quote = selection.getTextContent().replace(/\s+/g, ' ').trim();
    return quote === '' ? null : { selection: selection.clone(), quote: quote.slice(0, MAX_QUOTE) };
  });
}

function $marksWith(anchor: string): MarkNode[] {
  return $dfs()
    .map(({ node }) => node)
    .filter((node): node is MarkNode => $isMarkNode(node) && node.hasID(anchor));
}

/**
 * Marks the kept words with `anchor`. False when they are gone (edited away while the comment was
 * being written): nothing is marked then, and the analyst selects them again.
 */
export function markPendingComment(editor: LexicalEditor, pending: PendingComment, anchor: string): boolean {
  let marked = false;
  editor.update(
    () => {
      const selection = pending.selection.clone();
      if (!$isRangeSelection(selection)) return;
      const ends = [selection.anchor, selection.focus];
      if (ends.some((point) => $getNodeByKey(point.key) === null)) return;
      try {
        if (selection.getTextContent().replace(/\s+/g, ' ').trim() !== pending.quote) return;
      } catch {
        return;
      }
      $setSelection(selection);
      $wrapSelectionInMarkNode(selection, selection.isBackward(), anchor);
      marked = $marksWith(anchor).length > 0;
    },
    { discrete: true },
  );
  return marked;
}

/** Takes `anchor` off every mark (a deleted thread, or a start the host refused). */
export function removeCommentMarks(editor: LexicalEditor, anchor: string): void {
  editor.update(
    () => {
      for (const mark of $marksWith(anchor)) {
        mark.deleteID(anchor);
        if (mark.getIDs().length === 0) $unwrapMarkNode(mark);
      }
    },
    { discrete: true },
  );
}

function firstText(node: LexicalNode): LexicalNode {
  return $isMarkNode(node) ? (node.getFirstDescendant() ?? node) : node;
}

function lastText(node: LexicalNode): LexicalNode {
  return $isMarkNode(node) ? (node.getLastDescendant() ?? node) : node;
}

/** Selects the commented words and brings them into view. False when they are no longer in the text. */
export function selectCommentedWords(editor: LexicalEditor, anchor: string): boolean {
  let firstKey: string | null = null;
  editor.update(
    () => {
      const marks = $marksWith(anchor);
      const first = marks[0];
      const last = marks.at(-1);
      if (!first || !last) return;
      const start = firstText(first);
      const end = lastText(last);
      const selection = $createRangeSelection();
      if ($isTextNode(start)) selection.anchor.set(start.getKey(), 0, 'text');
      else selection.anchor.set(first.getKey(), 0, 'element');
      if ($isTextNode(end)) selection.focus.set(end.getKey(), end.getTextContentSize(), 'text');
      else selection.focus.set(last.getKey(), last.getChildrenSize(), 'element');
      $setSelection(selection);
      firstKey = first.getKey();
    },
    { discrete: true },
  );
  if (firstKey === null) return false;
  editor.getElementByKey(firstKey)?.scrollIntoView({ block: 'center' });
  editor.focus();
  return true;
}

/** The innermost comment anchor around the caret. */
export function $activeAnchor(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  let node: LexicalNode | null = selection.anchor.getNode();
  while (node !== null) {
    if ($isMarkNode(node)) return node.getIDs().at(-1) ?? null;
    node = node.getParent();
  }
  return null;
}
