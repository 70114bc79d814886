/** A serialized Lexical node, as far as these helpers read it. */
interface SerializedNode {
  type: string;
  targetKind?: string;
  targetId?: string;
  sectionId?: string;
  children?: SerializedNode[];
}

function walk(body: string, visit: (node: SerializedNode) => void): void {
  const step = (node: SerializedNode): void => {
    visit(node);
    for (const child of node.children ?? []) step(child);
  };
  step((JSON.parse(body) as { root: SerializedNode }).root);
}

/** The citations a stored body holds, in order, as kind:id. */
export function bodyCitations(body: string): string[] {
  const found: string[] = [];
  walk(body, (node) => {
    if (node.type === 'citation') found.push(`${node.targetKind}:${node.targetId}`);
  });
  return found;
}

/** The section ids a stored body holds, in order. */
export function bodySections(body: string): string[] {
  const found: string[] = [];
  walk(body, (node) => {
    if (node.type === 'section') found.push(node.sectionId ?? '');
  });
  return found;
}
