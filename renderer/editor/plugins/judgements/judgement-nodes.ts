import { $isHeadingNode } from '@lexical/rich-text';
import { $dfs } from '@lexical/utils';
import { $getNodeByKey, $getRoot, $getSelection, $isRangeSelection, type ElementNode, type LexicalNode } from 'lexical';
import { $createJudgementNode, $isJudgementNode, type JudgementNode } from '../../../../src/editor/nodes/JudgementNode';
import { $isSectionNode } from '../../../../src/editor/nodes/SectionNode';

/** The judgement blocks of the document, in document order. */
export function $judgementNodes(): JudgementNode[] {
  return $dfs($getRoot())
    .map(({ node }) => node)
    .filter($isJudgementNode);
}

/** The Key Judgements section (by its heading), else the section of the caret, else the last one. */
export function $keyJudgementsSection(): ElementNode {
  const sections = $getRoot().getChildren().filter($isSectionNode);
  const named = sections.find((section) => {
    const first = section.getFirstChild();
    return $isHeadingNode(first) && /key judg/i.test(first.getTextContent());
  });
  if (named) return named;
  const selection = $getSelection();
  const here = $isRangeSelection(selection) ? selection.anchor.getNode().getParents().find($isSectionNode) : undefined;
  return here ?? sections.at(-1) ?? $getRoot();
}

/** Inserts a block for `id`: after the caret's block when the caret is in the section, else at its end. */
export function $insertJudgementBlock(id: string, statement: string): void {
  const section = $keyJudgementsSection();
  const node = $createJudgementNode(id, statement);
  const selection = $getSelection();
  const anchor: LexicalNode | null = $isRangeSelection(selection) ? selection.anchor.getNode() : null;
  const block = anchor ? [anchor, ...anchor.getParents()].find((candidate) => candidate.getParent()?.is(section)) : undefined;
  if (block && !$isHeadingNode(block)) block.insertAfter(node);
  else section.append(node);
}

/** Moves a block one judgement up or down, past whatever blocks lie between (never above the heading). */
export function $moveJudgementBlock(nodeKey: string, direction: 'up' | 'down'): boolean {
  const node = $getNodeByKey(nodeKey);
  if (!$isJudgementNode(node)) return false;
  const target = direction === 'up' ? node.getPreviousSibling() : node.getNextSibling();
  if (!target || $isHeadingNode(target)) return false;
  if (direction === 'up') target.insertBefore(node);
  else target.insertAfter(node);
  return true;
}
