import { createHeadlessEditor } from '@lexical/headless';
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isMarkNode } from '@lexical/mark';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isTableCellNode, $isTableNode, $isTableRowNode, TableCellHeaderStates } from '@lexical/table';
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type ElementNode, type LexicalNode } from 'lexical';
import { $isCitationNode } from '../editor/nodes/CitationNode';
import { $isImageNode } from '../editor/nodes/ImageNode';
import { $isSectionNode } from '../editor/nodes/SectionNode';
import { BRIEFING_NODES } from '../editor/nodes';
import {
  inlineText,
  safeLinkUrl,
  type Block,
  type BriefingDocument,
  type Inline,
  type ListItem,
  type NoteRef,
  type TableRow,
} from './document';

/** Only headings and blank paragraphs: what a reader would see as a bare heading. */
function nothingToRead(blocks: readonly Block[]): boolean {
  return blocks.every(
    (block) =>
      block.type === 'heading' ||
      (block.type === 'paragraph' &&
        inlineText(block.children).trim() === '' &&
        block.children.every((child) => child.type === 'text' || child.type === 'break')),
  );
}

class Walker {
  readonly notes: NoteRef[] = [];
  readonly headings: { level: number; text: string }[] = [];

  blocks(nodes: readonly LexicalNode[]): Block[] {
    const out: Block[] = [];
    let loose: Inline[] = [];
    const flush = (): void => {
      if (loose.length > 0) out.push({ type: 'paragraph', children: loose });
      loose = [];
    };
    for (const node of nodes) {
      const block = this.block(node);
      if (block) {
        flush();
        if (block.type !== 'section' || block.blocks.length > 0) out.push(block);
      } else {
        // Inline content at block level (an image dropped between paragraphs) gets its own paragraph.
        loose.push(...this.inline(node));
      }
    }
    flush();
    return out;
  }

  private block(node: LexicalNode): Block | null {
    if ($isSectionNode(node)) {
      const headingsBefore = this.headings.length;
      const blocks = this.blocks(node.getChildren());
      // A section with nothing to read under its heading (the Key Judgements section, whose
      // judgement blocks print in the box) would print a bare heading: it is left out, outline too.
      if (nothingToRead(blocks)) {
        this.headings.length = headingsBefore;
        return { type: 'section', role: node.getRole(), blocks: [] };
      }
      return { type: 'section', role: node.getRole(), blocks };
    }
    if ($isHeadingNode(node)) {
      const level = Number(node.getTag().slice(1)) as 1 | 2 | 3 | 4 | 5 | 6;
      const children = this.inlines(node);
      this.headings.push({ level, text: inlineText(children).trim() });
      return { type: 'heading', level, children };
    }
    if ($isQuoteNode(node)) return { type: 'quote', children: this.inlines(node) };
    if ($isListNode(node)) return { type: 'list', ordered: node.getListType() === 'number', items: this.listItems(node) };
    if ($isTableNode(node)) return { type: 'table', rows: this.rows(node) };
    if ($isElementNode(node) && !node.isInline()) return { type: 'paragraph', children: this.inlines(node) };
    return null;
  }

  private listItems(list: ElementNode): ListItem[] {
    const items: ListItem[] = [];
    for (const child of list.getChildren()) {
      if (!$isListItemNode(child)) continue;
      const nested = child.getChildren().filter($isListNode);
      if (nested.length > 0 && nested.length === child.getChildrenSize()) {
        // Lexical keeps a nested list in its own item: attach it to the item before.
        const previous = items.pop();
        const blocks = nested.map((inner): Block => ({
          type: 'list',
          ordered: inner.getListType() === 'number',
          items: this.listItems(inner),
        }));
        items.push({ blocks: [...(previous?.blocks ?? []), ...blocks] });
        continue;
      }
      items.push({ blocks: [{ type: 'paragraph', children: this.inlines(child) }] });
    }
    return items;
  }

  private rows(table: ElementNode): TableRow[] {
    return table
      .getChildren()
      .filter($isTableRowNode)
      .map((row) => ({
        cells: row
          .getChildren()
          .filter($isTableCellNode)
          .map((cell) => ({ header: cell.getHeaderStyles() !== TableCellHeaderStates.NO_STATUS, blocks: this.blocks(cell.getChildren()) })),
      }));
  }

  private inlines(element: ElementNode): Inline[] {
    return element.getChildren().flatMap((child) => this.inline(child));
  }

  private inline(node: LexicalNode): Inline[] {
    if ($isTextNode(node)) {
      const text = node.getTextContent();
      if (text === '') return [];
      const has = (format: Parameters<typeof node.hasFormat>[0]): boolean => node.hasFormat(format);
      return [
        {
          type: 'text',
          text,
          marks: {
            bold: has('bold'),
            italic: has('italic'),
            underline: has('underline'),
            strike: has('strikethrough'),
            code: has('code'),
            sub: has('subscript'),
            sup: has('superscript'),
          },
        },
      ];
    }
    if ($isLineBreakNode(node)) return [{ type: 'break' }];
    if ($isCitationNode(node)) {
      const target = node.getTarget();
      const note = this.notes.length + 1;
      this.notes.push({ note, kind: target.kind, id: target.id });
      return [{ type: 'cite', note }];
    }
    if ($isImageNode(node)) return [{ type: 'image', imageId: node.getImageId(), alt: node.getAltText() }];
    if ($isLinkNode(node)) return [{ type: 'link', url: safeLinkUrl(node.getURL()), children: this.inlines(node) }];
    if ($isMarkNode(node)) return [{ type: 'comment', anchors: node.getIDs(), children: this.inlines(node) }];
    if ($isElementNode(node)) return this.inlines(node);
    return [];
  }
}

/**
 * Reads a stored Lexical state with the editor's own node classes (headless) into the export
 * tree, numbering citations in reading order. Throws when the state does not parse.
 */
export function briefingDocument(bodyJson: string): BriefingDocument {
  const editor = createHeadlessEditor({
    namespace: 'warrant-export',
    nodes: [...BRIEFING_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const state = editor.parseEditorState(bodyJson);
  return state.read(() => {
    const walker = new Walker();
    const blocks = walker.blocks($getRoot().getChildren());
    return { blocks, notes: walker.notes, headings: walker.headings };
  });
}
