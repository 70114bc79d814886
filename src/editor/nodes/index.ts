import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { MarkNode } from '@lexical/mark';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { CitationNode } from './CitationNode';
import { ImageNode } from './ImageNode';
import { JudgementNode } from './JudgementNode';
import { SectionNode } from './SectionNode';

/** Every node a briefing body may hold: the editor, headless exports and tests use this list. */
export const BRIEFING_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  SectionNode,
  CitationNode,
  ImageNode,
  JudgementNode,
  // Review comments' anchors: the comments themselves live in the workspace, not in the text.
  MarkNode,
];
