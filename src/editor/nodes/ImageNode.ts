import {
  $applyNodeReplacement,
  DecoratorNode,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { renderDecorator } from '../decorators';
import { createDomElement, type DomElement } from '../dom';

export type SerializedImageNode = Spread<{ imageId: string; altText: string }, SerializedLexicalNode>;

/** An image stored inside the workspace (by id, never by a remote address). */
export class ImageNode extends DecoratorNode<unknown> {
  __imageId: string;
  __altText: string;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__imageId, node.__altText, node.__key);
  }

  constructor(imageId = '', altText = '', key?: NodeKey) {
    super(key);
    this.__imageId = imageId;
    this.__altText = altText;
  }

  static override importJSON(json: SerializedImageNode): ImageNode {
    return $createImageNode(json.imageId, json.altText).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedImageNode>): this {
    const node = super.updateFromJSON(json).getWritable();
    node.__imageId = json.imageId;
    node.__altText = json.altText;
    return node;
  }

  override exportJSON(): SerializedImageNode {
    return { ...super.exportJSON(), imageId: this.getImageId(), altText: this.getAltText() };
  }

  override createDOM(): DomElement {
    return createDomElement('span', 'image-holder');
  }

  override updateDOM(): boolean {
    return false;
  }

  override getTextContent(): string {
    return '';
  }

  getImageId(): string {
    return this.getLatest().__imageId;
  }

  getAltText(): string {
    return this.getLatest().__altText;
  }

  override decorate(): unknown {
    return renderDecorator(this);
  }
}

export function $createImageNode(imageId: string, altText: string): ImageNode {
  return $applyNodeReplacement(new ImageNode(imageId, altText));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
