import { documentLinkUrl } from '../security/url-policy';

/**
 * A briefing body as a small, format-neutral tree: what every export renderer (print HTML,
 * standalone HTML, DOCX, Markdown) walks. Built once from the Lexical state.
 */

/** Character formats a run of text can carry. */
export interface TextMarks {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  readonly sub?: boolean;
  readonly sup?: boolean;
}

export type Inline =
  | { readonly type: 'text'; readonly text: string; readonly marks: TextMarks }
  /** `url` is null when the link's target is not a safe web or mail address (kept as text). */
  | { readonly type: 'link'; readonly url: string | null; readonly children: readonly Inline[] }
  /** A citation marker: `note` is its number among the notes. */
  | { readonly type: 'cite'; readonly note: number }
  | { readonly type: 'break' }
  | { readonly type: 'image'; readonly imageId: string; readonly alt: string }
  /** Words a review comment is anchored to: only the DOCX export shows the comments (as Word's own). */
  | { readonly type: 'comment'; readonly anchors: readonly string[]; readonly children: readonly Inline[] };

export interface ListItem {
  readonly blocks: readonly Block[];
}

export interface TableRow {
  readonly cells: readonly { readonly header: boolean; readonly blocks: readonly Block[] }[];
}

export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3 | 4 | 5 | 6; readonly children: readonly Inline[] }
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'quote'; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly ListItem[] }
  | { readonly type: 'table'; readonly rows: readonly TableRow[] }
  | { readonly type: 'section'; readonly role: 'body' | 'annex' | 'notes'; readonly blocks: readonly Block[] };

/** What a citation marker points at, in order of first appearance (note 1 first). */
export interface NoteRef {
  readonly note: number;
  readonly kind: 'quote' | 'source';
  readonly id: string;
}

export interface BriefingDocument {
  readonly blocks: readonly Block[];
  readonly notes: readonly NoteRef[];
  /** Headings in order, for outlines and tables of contents. */
  readonly headings: readonly { readonly level: number; readonly text: string }[];
}

/** Plain text of inline content (citations and images add nothing). */
export function inlineText(children: readonly Inline[]): string {
  return children
    .map((child) =>
      child.type === 'text'
        ? child.text
        : child.type === 'link' || child.type === 'comment'
          ? inlineText(child.children)
          : child.type === 'break'
            ? '\n'
            : '',
    )
    .join('');
}

/**
 * Web and mail addresses are kept as links (mail with only its standard fields, so no
 * `attach=`); anything else (javascript:, data:, file:) is not. The app's own link rule.
 */
export function safeLinkUrl(url: string): string | null {
  return documentLinkUrl(url);
}

/** Ids of every image in the tree, in order, without repeats. */
export function imageIds(blocks: readonly Block[]): string[] {
  const ids = new Set<string>();
  const inlines = (children: readonly Inline[]): void => {
    for (const child of children) {
      if (child.type === 'image') ids.add(child.imageId);
      else if (child.type === 'link' || child.type === 'comment') inlines(child.children);
    }
  };
  const visit = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === 'heading' || block.type === 'paragraph' || block.type === 'quote') inlines(block.children);
      else if (block.type === 'list') block.items.forEach((item) => visit(item.blocks));
      else if (block.type === 'table') block.rows.forEach((row) => row.cells.forEach((cell) => visit(cell.blocks)));
      else visit(block.blocks);
    }
  };
  visit(blocks);
  return [...ids];
}
