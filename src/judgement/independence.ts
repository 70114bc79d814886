/**
 * Independent sources: sources joined by derived-from links (in either direction, transitively)
 * are one strand of reporting and count once. A news story resting on a speech adds no
 * corroboration to the speech.
 */
export function countIndependent(sourceIds: Iterable<string>, derivations: Iterable<readonly [string, string]>): number {
  return independentGroups(sourceIds, derivations).size;
}

/**
 * Maps each given source to a representative of its strand. Derivations may mention sources
 * outside `sourceIds`: a chain through an unlisted source still joins its ends.
 */
export function independentGroups(sourceIds: Iterable<string>, derivations: Iterable<readonly [string, string]>): Map<string, string[]> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    let walk = id;
    while (walk !== root) {
      const next = parent.get(walk) as string;
      parent.set(walk, root);
      walk = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const [from, to] of derivations) {
    if (!parent.has(from)) parent.set(from, from);
    if (!parent.has(to)) parent.set(to, to);
    union(from, to);
  }
  const groups = new Map<string, string[]>();
  for (const id of new Set(sourceIds)) {
    const root = parent.has(id) ? find(id) : id;
    const members = groups.get(root);
    if (members) members.push(id);
    else groups.set(root, [id]);
  }
  return groups;
}

/**
 * The derived-from links that matter to `sourceIds`: every link in a strand that contains one of
 * them (a chain through other sources still joins two of them). The rest of the library's links
 * change no count and need not travel.
 */
export function strandsTouching(sourceIds: Iterable<string>, derivations: readonly (readonly [string, string])[]): [string, string][] {
  const neighbours = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const [from, to] of derivations) {
    add(from, to);
    add(to, from);
  }
  const reached = new Set<string>();
  const queue = [...new Set(sourceIds)];
  for (const id of queue) reached.add(id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const next of neighbours.get(id) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return derivations.filter(([from]) => reached.has(from)).map(([from, to]) => [from, to]);
}
