import type { LexicalNode } from 'lexical';

type Render = (node: LexicalNode) => unknown;

const renderers = new Map<string, Render>();

/**
 * Decorator nodes live in src/ (DOM- and React-free, for exports); what they show in the
 * editor is registered here by the renderer, per node type.
 */
export function registerDecoratorRenderer(type: string, render: Render): void {
  renderers.set(type, render);
}

export function renderDecorator(node: LexicalNode): unknown {
  return renderers.get(node.getType())?.(node) ?? null;
}
