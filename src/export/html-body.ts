import type { Block, Inline, TextMarks } from './document';
import { escapeHtml } from './escape';
import type { ExportImage } from './model';
import { MISSING_SOURCE, type ResolvedNote } from './references';

/** What rendering a body needs besides the tree: note states and inlined images. */
export interface HtmlBodyContext {
  readonly notes: ReadonlyMap<number, ResolvedNote>;
  readonly images: ReadonlyMap<string, ExportImage>;
}

const MARK_TAGS: readonly [keyof TextMarks, string][] = [
  ['code', 'code'],
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strike', 's'],
  ['sub', 'sub'],
  ['sup', 'sup'],
];

function text(content: string, marks: TextMarks): string {
  let html = escapeHtml(content);
  for (const [mark, tag] of MARK_TAGS) if (marks[mark]) html = `<${tag}>${html}</${tag}>`;
  return html;
}

function citation(note: number, ctx: HtmlBodyContext): string {
  const marker = `<sup class="note-ref"><a id="ref-${note}" href="#note-${note}" aria-label="Note ${note}">${note}</a></sup>`;
  return ctx.notes.get(note)?.state === 'live' ? marker : `${marker}<span class="missing-source">${MISSING_SOURCE}</span>`;
}

function image(imageId: string, alt: string, ctx: HtmlBodyContext): string {
  const found = ctx.images.get(imageId);
  if (!found || !/^image\/(png|jpeg|gif|webp)$/.test(found.mediaType) || !/^[A-Za-z0-9+/=]*$/.test(found.base64)) {
    return `<span class="missing-image">[missing image${alt ? `: ${escapeHtml(alt)}` : ''}]</span>`;
  }
  return `<img class="body-image" src="data:${found.mediaType};base64,${found.base64}" alt="${escapeHtml(alt)}">`;
}

export function inlineHtml(children: readonly Inline[], ctx: HtmlBodyContext): string {
  return children
    .map((child) => {
      switch (child.type) {
        case 'text':
          return text(child.text, child.marks);
        case 'break':
          return '<br>';
        case 'cite':
          return citation(child.note, ctx);
        case 'image':
          return image(child.imageId, child.alt, ctx);
        case 'comment':
          return inlineHtml(child.children, ctx);
        case 'link': {
          const inner = inlineHtml(child.children, ctx);
          return child.url === null ? inner : `<a class="external" href="${escapeHtml(child.url)}">${inner}</a>`;
        }
      }
    })
    .join('');
}

/** The body blocks as HTML; headings are shifted down one level (the title is the only h1). */
export function blocksHtml(blocks: readonly Block[], ctx: HtmlBodyContext): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'heading': {
          const level = Math.min(block.level + 1, 6);
          return `<h${level}>${inlineHtml(block.children, ctx)}</h${level}>`;
        }
        case 'paragraph':
          return `<p>${inlineHtml(block.children, ctx)}</p>`;
        case 'quote':
          return `<blockquote>${inlineHtml(block.children, ctx)}</blockquote>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${blocksHtml(item.blocks, ctx)}</li>`).join('')}</${tag}>`;
        }
        case 'table':
          return `<table class="body-table"><tbody>${block.rows
            .map(
              (row) =>
                `<tr>${row.cells.map((cell) => (cell.header ? `<th scope="col">${blocksHtml(cell.blocks, ctx)}</th>` : `<td>${blocksHtml(cell.blocks, ctx)}</td>`)).join('')}</tr>`,
            )
            .join('')}</tbody></table>`;
        case 'section':
          return `<section class="body-section body-section--${block.role}">${blocksHtml(block.blocks, ctx)}</section>`;
      }
    })
    .join('\n');
}
