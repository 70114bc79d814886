import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx';
import type { Block, Inline } from '../../src/export/document';
import type { ExportCommentThread } from '../../src/export/model';

function initialsOf(author: string): string {
  return author
    .split(/\s+/)
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 4);
}

function anchorsIn(blocks: readonly Block[], counts: Map<string, number>): void {
  const inlines = (children: readonly Inline[]): void => {
    for (const child of children) {
      if (child.type === 'comment') {
        for (const anchor of child.anchors) counts.set(anchor, (counts.get(anchor) ?? 0) + 1);
        inlines(child.children);
      } else if (child.type === 'link') inlines(child.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'heading' || block.type === 'paragraph' || block.type === 'quote') inlines(block.children);
    else if (block.type === 'list') block.items.forEach((item) => anchorsIn(item.blocks, counts));
    else if (block.type === 'table') block.rows.forEach((row) => row.cells.forEach((cell) => anchorsIn(cell.blocks, counts)));
    else anchorsIn(block.blocks, counts);
  }
}

/**
 * Open review threads as Word comments. A thread's words may be split over several marks (a bold
 * word inside them, a paragraph break), but a Word comment covers one range: it starts where the
 * first piece starts and ends where the last one ends. Each reply is a comment of its own on the
 * same words, signed by its author, so Word lists the thread in order.
 */
export class DocxComments {
  private readonly idsByAnchor = new Map<string, number[]>();
  private readonly pieces = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  readonly options: ICommentOptions[] = [];

  constructor(threads: readonly ExportCommentThread[], blocks: readonly Block[]) {
    anchorsIn(blocks, this.pieces);
    for (const thread of threads) {
      // A thread whose words were deleted from the text has nothing to hang on in Word.
      if (!this.pieces.has(thread.anchor)) continue;
      const ids = thread.comments.map((comment) => {
        const id = this.options.length;
        this.options.push({
          id,
          author: comment.author,
          initials: initialsOf(comment.author),
          date: new Date(comment.createdAt),
          children: comment.body.split(/\n+/).map((line) => new Paragraph({ children: [new TextRun(line)] })),
        });
        return id;
      });
      this.idsByAnchor.set(thread.anchor, ids);
    }
  }

  /** The runs of a commented piece of text, with the comment ranges opened or closed around it. */
  wrap(anchors: readonly string[], inner: ParagraphChild[]): ParagraphChild[] {
    const before: ParagraphChild[] = [];
    const after: ParagraphChild[] = [];
    for (const anchor of anchors) {
      const ids = this.idsByAnchor.get(anchor);
      if (!ids) continue;
      const index = (this.seen.get(anchor) ?? 0) + 1;
      this.seen.set(anchor, index);
      if (index === 1) before.push(...ids.map((id) => new CommentRangeStart(id)));
      if (index === this.pieces.get(anchor)) {
        after.push(...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]));
      }
    }
    return [...before, ...inner, ...after];
  }
}
