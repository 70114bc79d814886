import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { CitationRef, CitationTargetKind } from '../../domain/briefing';
import { createDomElement, type DomElement } from '../dom';

export type SerializedCitationNode = Spread<{ targetKind: CitationTargetKind; targetId: string }, SerializedLexicalNode>;

/**
 * An inline citation of a quote or a source. It stores only the target's id; its number comes
 * from its place in the document, and what it shows from the library at display time.
 *
 * Its element is the marker itself, painted by the editor's citations plugin (number, label,
 * broken state), with no React view inside: Chromium walks every node before the caret on each
 * keystroke, and a Lexical holder around a React-rendered marker, 500 times in a long briefing,
 * made that walk measurably dearer (BENCHMARKS.md, editor). Its card is drawn outside the text.
 */
export class CitationNode extends DecoratorNode<unknown> {
  __targetKind: CitationTargetKind;
  __targetId: string;

  static override getType(): string {
    return 'citation';
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__targetKind, node.__targetId, node.__key);
  }

  constructor(targetKind: CitationTargetKind = 'quote', targetId = '', key?: NodeKey) {
    super(key);
    this.__targetKind = targetKind;
    this.__targetId = targetId;
  }

  static override importJSON(json: SerializedCitationNode): CitationNode {
    return $createCitationNode({ kind: json.targetKind, id: json.targetId }).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedCitationNode>): this {
    const node = super.updateFromJSON(json).getWritable();
    node.__targetKind = json.targetKind;
    node.__targetId = json.targetId;
    return node;
  }

  override exportJSON(): SerializedCitationNode {
    return { ...super.exportJSON(), targetKind: this.getTarget().kind, targetId: this.getTarget().id };
  }

  override createDOM(): DomElement {
    // An inline span with the button role, not a <button>: a form control (an inline-block) costs
    // the same walk as much again. Its number and name are painted once the document's order is known.
    return createDomElement('span', 'citation', { role: 'button', tabindex: '-1', 'aria-label': 'Citation' });
  }

  /** Copied as HTML it is an empty span, as it always was: its number means nothing outside this document. */
  override exportDOM(): DOMExportOutput {
    return { element: createDomElement('span', 'citation-holder') };
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): boolean {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  /** Citations are not words of the text. */
  override getTextContent(): string {
    return '';
  }

  getTarget(): CitationRef {
    const latest = this.getLatest();
    return { kind: latest.__targetKind, id: latest.__targetId };
  }

  /** Nothing for React to render: the element from createDOM is the whole marker. */
  override decorate(): null {
    return null;
  }
}

export function $createCitationNode(target: CitationRef): CitationNode {
  return $applyNodeReplacement(new CitationNode(target.kind, target.id));
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
