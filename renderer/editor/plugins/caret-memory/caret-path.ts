import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  $isTextNode,
  $setSelection,
  type LexicalNode,
  type PointType,
} from 'lexical';

/**
 * A selection point that outlives a reload: node keys are new on every load, so the point is
 * kept as the path of child indexes from the root, which the same stored body gives back.
 */
export interface CaretPoint {
  path: number[];
  offset: number;
  type: 'text' | 'element';
}

export interface CaretMemo {
  anchor: CaretPoint;
  focus: CaretPoint;
}

function pathOf(node: LexicalNode): number[] {
  const path: number[] = [];
  let current: LexicalNode | null = node;
  while (current && !$isRootNode(current)) {
    path.unshift(current.getIndexWithinParent());
    current = current.getParent();
  }
  return path;
}

function pointOf(point: PointType): CaretPoint {
  return { path: pathOf(point.getNode()), offset: point.offset, type: point.type };
}

/** The current range selection as paths (null when there is none, e.g. an image is selected). */
export function $readCaret(): CaretMemo | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  return { anchor: pointOf(selection.anchor), focus: pointOf(selection.focus) };
}

/** The node's key and the offset when the point still fits the text; null when it does not. */
function $resolve(point: CaretPoint): { key: string; offset: number; type: 'text' | 'element' } | null {
  let node: LexicalNode | null = $getRoot();
  for (const index of point.path) {
    if (!$isElementNode(node)) return null;
    node = node.getChildAtIndex(index);
  }
  if (point.type === 'text')
    return $isTextNode(node) && point.offset <= node.getTextContentSize()
      ? { key: node.getKey(), offset: point.offset, type: 'text' }
      : null;
  return $isElementNode(node) && point.offset <= node.getChildrenSize()
    ? { key: node.getKey(), offset: point.offset, type: 'element' }
    : null;
}

/** Puts the selection back where it was; false (and nothing changed) when the text no longer fits. */
export function $restoreCaret(memo: CaretMemo): boolean {
  const anchor = $resolve(memo.anchor);
  const focus = $resolve(memo.focus);
  if (!anchor || !focus) return false;
  const selection = $createRangeSelection();
  selection.anchor.set(anchor.key, anchor.offset, anchor.type);
  selection.focus.set(focus.key, focus.offset, focus.type);
  $setSelection(selection);
  return true;
}
