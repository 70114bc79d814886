import type { ImageRegion } from './ocr';
import { normalisePresentationForms, stripControls } from './pdf-lines';

/**
 * Turning a selection made on a rendered PDF page (pdf.js's text layer: one element per text
 * item) into offsets in the snapshot's stored text.
 *
 * The host extracted the stored text from the same pdf.js text items, but rebuilt each page:
 * lines put in reading order, control characters dropped, trailing spaces trimmed, Arabic
 * presentation forms and NFC normalised. So an item's position in the page text is found, not
 * computed: items are looked up in turn from where the previous one ended (the usual,
 * left-to-right case), else anywhere on the page (a right-to-left line was reordered). Where the
 * item map cannot account for a selection, the selected characters are searched for in the
 * page's text, nearest to where the map guessed. All offsets here are UTF-16, within one page.
 */

/** How an item's string reads in the stored text (the host's per-item steps). */
function storedForm(item: string): string {
  return normalisePresentationForms(stripControls(item)).normalize('NFC');
}

/** Where each item starts in the page text, or null for an item that holds no text or was not found. */
export function locateItems(pageText: string, items: readonly string[]): (number | null)[] {
  let cursor = 0;
  return items.map((item) => {
    const form = storedForm(item);
    const key = form.trim();
    if (key === '') return null;
    let found = pageText.indexOf(key, cursor);
    if (found < 0) found = pageText.indexOf(key);
    if (found < 0) return null;
    cursor = found + key.length;
    const leading = form.length - form.trimStart().length;
    return found - leading;
  });
}

/** A point in the text layer: which item, and how far into its string (UTF-16). */
export interface TextPoint {
  item: number;
  offset: number;
}

/** The page-text offset of a point, or null when its item was not located. */
export function offsetOfPoint(
  pageText: string,
  items: readonly string[],
  starts: readonly (number | null)[],
  point: TextPoint,
): number | null {
  const start = starts[point.item];
  const item = items[point.item];
  if (start === null || start === undefined || item === undefined) return null;
  const form = storedForm(item);
  // Normalisation can change an item's length (rare); scale the offset rather than overrun it.
  const inside = form.length === item.length ? point.offset : Math.round((point.offset * form.length) / Math.max(1, item.length));
  return Math.max(0, Math.min(pageText.length, start + Math.max(0, Math.min(form.length, inside))));
}

const squash = (text: string): string => text.replace(/\s+/g, '');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every place the selected characters stand in the page text, whitespace aside. */
function findAll(pageText: string, selected: string): { start: number; end: number }[] {
  const chars = Array.from(squash(selected));
  if (chars.length === 0) return [];
  const pattern = new RegExp(chars.map(escapeRegExp).join('\\s*'), 'gu');
  return [...pageText.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** The span without the whitespace at its ends (a drag often takes a trailing space or line break). */
function trimmed(pageText: string, span: { start: number; end: number }): { start: number; end: number } | null {
  let { start, end } = span;
  while (start < end && /\s/.test(pageText[start] ?? '')) start += 1;
  while (end > start && /\s/.test(pageText[end - 1] ?? '')) end -= 1;
  return end > start ? { start, end } : null;
}

export interface PageSelection {
  /** The page's stored text (its slice of the snapshot text). */
  pageText: string;
  /** The text layer's item strings, in pdf.js order, as they stand in the DOM. */
  items: readonly string[];
  start: TextPoint | null;
  end: TextPoint | null;
  /** What the browser says is selected (its text, with whatever line breaks it puts in). */
  selected: string;
}

/**
 * The span of the page text a selection covers (UTF-16, within the page), or null when the
 * selected characters are not in the page's text at all.
 */
export function selectionInPage({ pageText, items, start, end, selected }: PageSelection): { start: number; end: number } | null {
  const starts = locateItems(pageText, items);
  const from = start ? offsetOfPoint(pageText, items, starts, start) : null;
  const to = end ? offsetOfPoint(pageText, items, starts, end) : null;
  if (from !== null && to !== null && to > from) {
    const span = trimmed(pageText, { start: from, end: to });
    if (span && squash(pageText.slice(span.start, span.end)) === squash(selected)) return span;
  }
  const matches = findAll(pageText, selected);
  if (matches.length === 0) return null;
  const guess = from ?? to ?? 0;
  const nearest = matches.reduce((best, match) => (Math.abs(match.start - guess) < Math.abs(best.start - guess) ? match : best));
  return trimmed(pageText, nearest);
}

/** A rectangle as the browser reports it (client coordinates). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The bounding box of a selection's rectangles, in PDF points from the page's top-left corner
 * (the page is drawn at `scale` CSS pixels per point, its top-left corner at `origin`),
 * rounded outwards to whole points; null when nothing has a size.
 */
export function regionInPoints(rects: readonly Rect[], origin: { left: number; top: number }, scale: number): ImageRegion | null {
  const sized = rects.filter((rect) => rect.right > rect.left && rect.bottom > rect.top);
  if (sized.length === 0 || scale <= 0) return null;
  const left = Math.floor((Math.min(...sized.map((r) => r.left)) - origin.left) / scale);
  const top = Math.floor((Math.min(...sized.map((r) => r.top)) - origin.top) / scale);
  const right = Math.ceil((Math.max(...sized.map((r) => r.right)) - origin.left) / scale);
  const bottom = Math.ceil((Math.max(...sized.map((r) => r.bottom)) - origin.top) / scale);
  return { x: Math.max(0, left), y: Math.max(0, top), w: right - Math.max(0, left), h: bottom - Math.max(0, top) };
}

/** How the annex and the quote view say where on a PDF page a quote stands. */
export function pageRegionText(region: ImageRegion): string {
  return `region ${region.x},${region.y},${region.w},${region.h} pt from the page’s top left`;
}

/** A quote's region in a short form for the quote list: points on a PDF page, pixels of an image. */
export function shortRegionText(page: number | null, region: ImageRegion): string {
  const box = `${region.x},${region.y},${region.w},${region.h}`;
  return page !== null ? `region ${box} pt` : `image region ${box} px`;
}
