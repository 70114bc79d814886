import {
  $applyNodeReplacement,
  DecoratorNode,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { CitationRef, CitationTargetKind } from '../../domain/briefing';
import { renderDecorator } from '../decorators';
import { createDomElement, type DomElement } from '../dom';

export type SerializedCitationNode = Spread<{ targetKind: CitationTargetKind; targetId: string }, SerializedLexicalNode>;

/**
 * An inline citation of a quote or a source. It stores only the target's id; its number comes
 * from its place in the document, and what it shows from the library at display time.
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
    return createDomElement('span', 'citation-holder');
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

  override decorate(): unknown {
    return renderDecorator(this);
  }
}

export function $createCitationNode(target: CitationRef): CitationNode {
  return $applyNodeReplacement(new CitationNode(target.kind, target.id));
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
