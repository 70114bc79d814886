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

export type SerializedJudgementNode = Spread<{ judgementId: string; statement: string }, SerializedLexicalNode>;

/**
 * A key judgement's block in the Key Judgements section, bound to its record by id. The record
 * holds likelihood, confidence, rationale and evidence; the node keeps a copy of the statement
 * so that the statement counts as body text (word count, search, recovery, export).
 */
export class JudgementNode extends DecoratorNode<unknown> {
  __judgementId: string;
  __statement: string;

  static override getType(): string {
    return 'judgement';
  }

  static override clone(node: JudgementNode): JudgementNode {
    return new JudgementNode(node.__judgementId, node.__statement, node.__key);
  }

  constructor(judgementId = '', statement = '', key?: NodeKey) {
    super(key);
    this.__judgementId = judgementId;
    this.__statement = statement;
  }

  static override importJSON(json: SerializedJudgementNode): JudgementNode {
    return $createJudgementNode(json.judgementId, json.statement).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedJudgementNode>): this {
    const node = super.updateFromJSON(json).getWritable();
    node.__judgementId = json.judgementId;
    node.__statement = typeof json.statement === 'string' ? json.statement : '';
    return node;
  }

  override exportJSON(): SerializedJudgementNode {
    return { ...super.exportJSON(), judgementId: this.getJudgementId(), statement: this.getStatement() };
  }

  override createDOM(): DomElement {
    return createDomElement('div', 'judgement-holder', { 'data-judgement-id': this.__judgementId });
  }

  override updateDOM(previous: JudgementNode): boolean {
    return previous.__judgementId !== this.__judgementId;
  }

  override isInline(): boolean {
    return false;
  }

  /** The statement is words of its section; the line break keeps it apart from the next block. */
  override getTextContent(): string {
    return `${this.getLatest().__statement}\n`;
  }

  getJudgementId(): string {
    return this.getLatest().__judgementId;
  }

  /** Binds the block to another record (a pasted copy gets a record of its own). */
  setJudgementId(judgementId: string): this {
    const node = this.getWritable();
    node.__judgementId = judgementId;
    return node;
  }

  getStatement(): string {
    return this.getLatest().__statement;
  }

  setStatement(statement: string): this {
    const node = this.getWritable();
    node.__statement = statement;
    return node;
  }

  override decorate(): unknown {
    return renderDecorator(this);
  }
}

export function $createJudgementNode(judgementId: string, statement = ''): JudgementNode {
  return $applyNodeReplacement(new JudgementNode(judgementId, statement));
}

export function $isJudgementNode(node: LexicalNode | null | undefined): node is JudgementNode {
  return node instanceof JudgementNode;
}
