import type { ElementNode } from 'lexical';

/** The DOM element type Lexical's createDOM returns (HTMLElement where a DOM exists). */
export type DomElement = ReturnType<ElementNode['createDOM']>;

/** The few element methods node classes use; src/ has no DOM types, by design. */
interface MinimalElement {
  className: string;
  setAttribute(name: string, value: string): void;
}

/**
 * Creates an element in the document Lexical renders into (the window's in the app, a
 * headless one in exports). Node classes in src/ go through here instead of the DOM globals.
 */
export function createDomElement(tag: string, className: string, attributes: Readonly<Record<string, string>> = {}): DomElement {
  const doc = (globalThis as unknown as { document: { createElement(tag: string): MinimalElement } }).document;
  const element = doc.createElement(tag);
  element.className = className;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element as unknown as DomElement;
}
