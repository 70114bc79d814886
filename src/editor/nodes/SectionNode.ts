import {
  $applyNodeReplacement,
  ElementNode,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import type { SectionRole } from '../../briefing/word-count';
import { createDomElement, type DomElement } from '../dom';

export type SerializedSectionNode = Spread<{ sectionId: string; role: SectionRole; cap: number | null }, SerializedElementNode>;

/**
 * A structural section of a briefing: its first child is the heading (freely renamed), the
 * rest its body. Identity and word cap belong to the section, not to the heading's text.
 */
export class SectionNode extends ElementNode {
  __sectionId: string;
  __role: SectionRole;
  __cap: number | null;

  static override getType(): string {
    return 'section';
  }

  static override clone(node: SectionNode): SectionNode {
    return new SectionNode(node.__sectionId, node.__role, node.__cap, node.__key);
  }

  constructor(sectionId = '', role: SectionRole = 'body', cap: number | null = null, key?: NodeKey) {
    super(key);
    this.__sectionId = sectionId;
    this.__role = role;
    this.__cap = cap;
  }

  static override importJSON(json: SerializedSectionNode): SectionNode {
    return $createSectionNode(json.sectionId, json.role, json.cap).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedSectionNode>): this {
    const node = super.updateFromJSON(json).getWritable();
    node.__sectionId = json.sectionId;
    node.__role = json.role;
    node.__cap = json.cap;
    return node;
  }

  override exportJSON(): SerializedSectionNode {
    return { ...super.exportJSON(), sectionId: this.getSectionId(), role: this.getRole(), cap: this.getCap() };
  }

  override createDOM(): DomElement {
    return createDomElement('section', `briefing-section briefing-section--${this.__role}`, { 'data-section-id': this.__sectionId });
  }

  override updateDOM(prev: SectionNode): boolean {
    return prev.__role !== this.__role || prev.__sectionId !== this.__sectionId;
  }

  /** A section bounds selection and deletion like the root does: sections never merge. */
  override isShadowRoot(): boolean {
    return true;
  }

  override canBeEmpty(): boolean {
    return false;
  }

  override canIndent(): boolean {
    return false;
  }

  getSectionId(): string {
    return this.getLatest().__sectionId;
  }

  getRole(): SectionRole {
    return this.getLatest().__role;
  }

  getCap(): number | null {
    return this.getLatest().__cap;
  }

  setCap(cap: number | null): this {
    const node = this.getWritable();
    node.__cap = cap;
    return node;
  }
}

export function $createSectionNode(sectionId: string, role: SectionRole = 'body', cap: number | null = null): SectionNode {
  return $applyNodeReplacement(new SectionNode(sectionId, role, cap));
}

export function $isSectionNode(node: LexicalNode | null | undefined): node is SectionNode {
  return node instanceof SectionNode;
}
