import { Parser } from 'htmlparser2';

/**
 * Turning snapshot bytes and HTML into the plain text that is searched and quoted from.
 *
 * The HTML is tokenised by htmlparser2's streaming parser; nothing is built into a DOM, nothing
 * is executed, and the only output is text. Quotes store character offsets into this text, so
 * the rules below must stay stable: changing them moves the offsets of existing quotes.
 */

/** Elements whose content a reader never sees as text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'datalist',
  'noembed',
  'noframes',
  // Ruby annotations (furigana): kept out so the base text stays searchable as written.
  'rt',
  'rp',
]);

/** Blocks set off by a blank line. */
const PARAGRAPHS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'listing',
  'xmp',
  'plaintext',
  'table',
  'figure',
  'hr',
  'address',
  'fieldset',
  'form',
  'header',
  'footer',
  'section',
  'article',
  'aside',
  'nav',
  'main',
  'details',
]);

/** Lists: a blank line around a top-level list, a line break around a nested one. */
const LISTS = new Set(['ul', 'ol', 'dl', 'menu', 'dir']);

/** Blocks on their own line. */
const LINES = new Set([
  'html',
  'body',
  'div',
  'li',
  'dt',
  'dd',
  'tr',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'figcaption',
  'summary',
  'legend',
  'center',
  'hgroup',
  'dialog',
  'search',
  'option',
  'optgroup',
  'textarea',
]);

/** Cells of one table row are separated by a tab. */
const CELLS = new Set(['td', 'th']);

/** Elements whose whitespace is kept as written. */
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);

/**
 * Deepest element nesting read. htmlparser2 keeps its open-element stack with `unshift`, so each
 * element costs time proportional to the depth: a hostile page of nothing but `<div>`s would
 * take minutes. Browsers stop nesting at 512 (Chromium); real pages stay far below this.
 */
export const HTML_MAX_DEPTH = 2000;

/** The page is nested deeper than {@link HTML_MAX_DEPTH}; reading it was stopped. */
export class HtmlTooDeepError extends Error {
  constructor() {
    super(`The page nests more than ${HTML_MAX_DEPTH.toLocaleString('en-US')} elements inside one another.`);
    this.name = 'HtmlTooDeepError';
  }
}

const HTML_WHITESPACE = /[ \t\n\f\r]+/g;
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

interface Frame {
  name: string;
  /** This element hides itself and everything inside it. */
  hides: boolean;
  /** Line breaks around this element: 0 inline, 1 own line, 2 blank line. */
  breaks: number;
  preformatted: boolean;
  list: boolean;
  row: boolean;
  cell: boolean;
  title: boolean;
}

function hidesContent(name: string, attributes: Record<string, string>): boolean {
  if (SKIPPED.has(name)) return true;
  if ('hidden' in attributes) return true;
  if ((attributes['aria-hidden'] ?? '').trim().toLowerCase() === 'true') return true;
  if (name === 'dialog' && !('open' in attributes)) return true;
  const style = attributes['style'];
  return style !== undefined && HIDING_STYLE.test(style);
}

/**
 * The readable text of an HTML document and its `<title>`.
 *
 * Scripts, styles, embedded documents, SVG/MathML, comments and anything marked `hidden`,
 * `aria-hidden="true"` or inline `display:none` are dropped. Paragraph-like blocks are separated
 * by a blank line, other blocks (div, li, tr, …) and `<br>` by a line break, table cells by a
 * tab. Whitespace collapses to one space except inside `<pre>`; entities are decoded; the result
 * is NFC and trimmed. Throws {@link HtmlTooDeepError} for pages nested absurdly deep.
 */
export function htmlToText(html: string): { title: string; text: string } {
  const parts: string[] = [];
  let empty = true;
  /** How many newlines the output currently ends with. */
  let trailingNewlines = 0;
  /** Newlines required before the next text (0–2); merged, not added up. */
  let pendingBreak = 0;
  let pendingSpace = false;
  let pendingCellSeparator = false;

  const stack: Frame[] = [];
  let hiddenDepth = 0;
  let preDepth = 0;
  let listDepth = 0;
  let cellDepth = 0;
  /** Set on entering a preformatted element: its first newline is not content (HTML rule). */
  let preStart = false;
  /** Per open row: whether a cell with text has been written. */
  const rowHasCell: boolean[] = [];

  let title: string | null = null;
  let titleText = '';
  let titleDepth = 0;

  function write(chunk: string): void {
    if (chunk === '') return;
    parts.push(chunk);
    empty = false;
    const match = /\n+$/.exec(chunk);
    const newlines = match ? match[0].length : 0;
    trailingNewlines = newlines === chunk.length ? trailingNewlines + newlines : newlines;
  }

  function requireBreak(level: number): void {
    if (level > pendingBreak) pendingBreak = level;
  }

  /** Writes what must come before the next text: pending breaks, then a cell tab or a space. */
  function flushBefore(): void {
    if (empty) {
      pendingBreak = 0;
      pendingSpace = false;
      pendingCellSeparator = false;
      return;
    }
    if (pendingBreak > trailingNewlines) {
      write('\n'.repeat(pendingBreak - trailingNewlines));
    }
    pendingBreak = 0;
    const atLineStart = trailingNewlines > 0;
    if (atLineStart) {
      pendingSpace = false;
      pendingCellSeparator = false;
      return;
    }
    if (pendingCellSeparator) write('\t');
    else if (pendingSpace) write(' ');
    pendingSpace = false;
    pendingCellSeparator = false;
  }

  function markCellWritten(): void {
    if (rowHasCell.length > 0 && cellDepth > 0) rowHasCell[rowHasCell.length - 1] = true;
  }

  function onText(raw: string): void {
    if (titleDepth > 0) {
      titleText += raw;
      return;
    }
    if (hiddenDepth > 0 || raw === '') return;
    if (preDepth > 0) {
      let text = raw.replace(/\r\n?/g, '\n');
      if (preStart) {
        if (text.startsWith('\n')) text = text.slice(1);
        if (text !== '') preStart = false;
      }
      if (text === '') return;
      flushBefore();
      write(text.replace(/\u00a0/g, ' '));
      markCellWritten();
      return;
    }
    const collapsed = raw.replace(HTML_WHITESPACE, ' ');
    const content = collapsed.replace(/^ | $/g, '');
    if (collapsed.startsWith(' ')) pendingSpace = true;
    if (content === '') return;
    flushBefore();
    write(content.replace(/\u00a0/g, ' '));
    pendingSpace = collapsed.endsWith(' ');
    markCellWritten();
  }

  function onOpen(name: string, attributes: Record<string, string>): void {
    const frame: Frame = { name, hides: false, breaks: 0, preformatted: false, list: false, row: false, cell: false, title: false };
    stack.push(frame);
    if (stack.length > HTML_MAX_DEPTH) throw new HtmlTooDeepError();
    if (hiddenDepth > 0) return;
    if (name === 'title') {
      frame.title = true;
      titleDepth += 1;
      return;
    }
    if (hidesContent(name, attributes)) {
      frame.hides = true;
      hiddenDepth += 1;
      return;
    }
    if (name === 'br') {
      flushBefore();
      if (!empty) write('\n');
      pendingSpace = false;
      return;
    }
    if (CELLS.has(name)) {
      frame.cell = true;
      cellDepth += 1;
      if (rowHasCell.length > 0 && rowHasCell[rowHasCell.length - 1]) pendingCellSeparator = true;
      pendingSpace = false;
      return;
    }
    if (PARAGRAPHS.has(name)) frame.breaks = 2;
    else if (LISTS.has(name)) {
      frame.breaks = listDepth > 0 ? 1 : 2;
      frame.list = true;
      listDepth += 1;
    } else if (LINES.has(name)) frame.breaks = 1;
    if (name === 'tr') {
      frame.row = true;
      rowHasCell.push(false);
    }
    if (PREFORMATTED.has(name)) {
      frame.preformatted = true;
      preDepth += 1;
      preStart = true;
    }
    requireBreak(frame.breaks);
  }

  function onClose(): void {
    const frame = stack.pop();
    if (!frame) return;
    if (frame.hides) {
      hiddenDepth -= 1;
      return;
    }
    if (frame.title) {
      titleDepth -= 1;
      if (title === null) title = titleText;
      titleText = '';
      return;
    }
    if (frame.preformatted) {
      preDepth -= 1;
      preStart = false;
    }
    if (frame.list) listDepth -= 1;
    if (frame.cell) cellDepth -= 1;
    if (frame.row) rowHasCell.pop();
    requireBreak(frame.breaks);
    if (frame.breaks > 0) pendingSpace = false;
  }

  const parser = new Parser(
    {
      onopentag: (name, attributes) => onOpen(name, attributes),
      onclosetag: () => onClose(),
      ontext: onText,
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();

  return {
    title: (title ?? '')
      .replace(HTML_WHITESPACE, ' ')
      .replace(/\u00a0/g, ' ')
      .trim()
      .normalize('NFC'),
    text: parts.join('').normalize('NFC').trim(),
  };
}
