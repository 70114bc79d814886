import { documentLinkUrl, externalLinkDecision } from '../../../../src/security/url-policy';

/** Elements whose content is never text of the document: dropped with everything inside. */
const DROP =
  'script, style, link, meta, base, title, iframe, frame, frameset, object, embed, applet, svg, math, img, picture, video, audio, source, track, canvas, form, input, button, select, textarea, template, noscript, xml';
const KEEP_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  A: ['href'],
  TD: ['colspan', 'rowspan'],
  TH: ['colspan', 'rowspan'],
};

/** Web and mail links only; everything else (javascript:, file:, data:…) loses its address. */
export function isAllowedLink(url: string): boolean {
  return externalLinkDecision(url).allow;
}

/** One declaration of a style attribute, e.g. `font-weight` → `700`. */
function declaration(style: string, property: string): string {
  const match = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]*)`, 'i').exec(style);
  return (match?.[1] ?? '').trim().toLowerCase();
}

/**
 * Inline styles that mean formatting become the elements Lexical reads as formatting. The
 * attribute is read as text: under the app's CSP the browser does not apply inline styles, so
 * `element.style` is empty even in a parsed document.
 */
function styleToElements(element: HTMLElement, doc: Document): void {
  const style = element.getAttribute('style') ?? '';
  const weight = declaration(style, 'font-weight');
  const decoration = `${declaration(style, 'text-decoration')} ${declaration(style, 'text-decoration-line')}`;
  const wrappers: string[] = [];
  if (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600) wrappers.push('b');
  if (declaration(style, 'font-style') === 'italic') wrappers.push('i');
  if (decoration.includes('underline')) wrappers.push('u');
  if (decoration.includes('line-through')) wrappers.push('s');
  if (wrappers.length === 0) return;
  let inner: HTMLElement = element;
  for (const tag of wrappers) {
    const wrapper = doc.createElement(tag);
    while (inner.firstChild) wrapper.appendChild(inner.firstChild);
    inner.appendChild(wrapper);
    inner = wrapper;
  }
}

/**
 * Pasted HTML (from web pages or Word) reduced to what the editor's nodes can hold: no
 * scripts, styles, event handlers, embedded or remote media, and links only to http, https
 * and mailto. The document is parsed inert (DOMParser runs no scripts and loads nothing).
 */
export function sanitizePastedHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of Array.from(doc.querySelectorAll(DROP))) element.remove();
  for (const element of Array.from(doc.body.querySelectorAll<HTMLElement>('*'))) {
    if (element.hasAttribute('style')) styleToElements(element, doc);
    const keep = KEEP_ATTRIBUTES[element.tagName] ?? [];
    for (const attribute of Array.from(element.attributes)) {
      if (!keep.includes(attribute.name.toLowerCase())) element.removeAttribute(attribute.name);
    }
    if (element.tagName === 'A') {
      const href = documentLinkUrl(element.getAttribute('href') ?? '');
      if (href === null) element.removeAttribute('href');
      else element.setAttribute('href', href);
    }
  }
  return doc;
}
